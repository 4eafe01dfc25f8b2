import { describe, expect, it } from "vitest";
import { allDomains, domainName, words } from "./i18n";
import { reasonText } from "./reasons";

describe("gap reasons in plain words", () => {
  const reason = { kind: "SHARED_THEME", detail: "api text", weight: 1, nodes: [{ id: "t1", name: "Mobilité" }, { id: "t2", name: "Insertion" }] };

  it("words each kind in both languages", () => {
    expect(reasonText("en", reason)).toBe("Both work on Mobilité and Insertion");
    expect(reasonText("fr", reason)).toBe("Travaillent tous deux sur\u00a0: Mobilité et Insertion");
    expect(reasonText("fr", { ...reason, kind: "COMMON_PARTNER", nodes: [{ id: "p" }] })).toBe("Coopèrent chacun avec p");
  });

  it("falls back to the API's words for a kind it does not know", () => {
    expect(reasonText("fr", { ...reason, kind: "NEW_KIND" })).toBe("api text");
  });
});

describe("translations", () => {
  it("name every domain in both languages", () => {
    for (const domain of allDomains) {
      expect(domainName("fr", domain)).not.toBe(domain);
      expect(domainName("en", domain)).not.toBe(domain);
    }
  });

  it("leave no French word empty, and translate all but the words both languages share", () => {
    const same = Object.keys(words.en).filter((k) => words.fr[k as keyof typeof words.fr] === words.en[k as keyof typeof words.en]);
    // Words French and English write alike ("points", "instrument", "score", "s").
    expect(same.sort()).toEqual(["effectPoints", "instrumentCol", "score", "seconds"]);
    for (const value of Object.values(words.fr)) expect(value.trim()).not.toBe("");
  });
});
