import { describe, expect, it } from "vitest";
import { defaultState, readState, writeState } from "./viewState";

describe("view state in the address", () => {
  it("round-trips every field", () => {
    const state = {
      authority: "auth:city-sa", territory: "insee:D69", lab: "lab:fabrique", reach: "pol:region-ess-call", root: "sse:cress", focus: "sse:garage", colour: "kind" as const, gaps: false, year: 2019,
      domains: ["SOCIAL", "TRANSPORT"], types: ["COOPERATES_WITH"], from: "a:1", to: "b:2", lang: "fr" as const,
      survey: "survey:0a1b", confirmed: true,
    };
    expect(readState(writeState(state))).toEqual(state);
  });

  it("writes nothing for the defaults", () => {
    expect(writeState(defaultState)).toBe("");
  });

  it("drops unknown domains, types, years and languages", () => {
    const state = readState("?domains=SOCIAL,NOPE&types=FUNDS,DROP&year=abc&lang=de&colour=rainbow");
    expect(state.domains).toEqual(["SOCIAL"]);
    expect(state.types).toEqual(["FUNDS"]);
    expect(state.year).toBeNull();
    expect(state.lang).toBe("en");
    expect(state.colour).toBe("domain");
  });

  it("keeps 'confirmed only' only with a survey", () => {
    expect(readState("?confirmed=1").confirmed).toBe(false);
    expect(readState("?survey=survey:1&confirmed=1")).toMatchObject({ survey: "survey:1", confirmed: true });
    expect(writeState({ ...defaultState, confirmed: true })).toBe("");
  });

  it("escapes ids with reserved characters", () => {
    const text = writeState({ ...defaultState, authority: "insee:authority:69123&x=1" });
    expect(readState(text).authority).toBe("insee:authority:69123&x=1");
  });
});
