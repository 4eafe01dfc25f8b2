import { describe, expect, it } from "vitest";
import { exampleTabs, pickExampleIds } from "./examples";

describe("GraphiQL's examples", () => {
  it("name the ids of the graph being served", () => {
    const ids = pickExampleIds({
      authorityRanking: [
        { authority: { id: "insee:authority:69123", territory: { code: "69123" }, services: [{ id: "svc:lyon-social" }] } },
        { authority: { id: "insee:authority:69", territory: null, services: [] } },
      ],
      actors: { nodes: [{ id: "siren:775671356" }, { id: "svc:lyon-social" }] },
      territories: { nodes: [{ code: "84" }] },
    });

    const tabs = exampleTabs(ids).map((t) => t.query);

    expect(ids).toEqual({
      authorityId: "insee:authority:69123",
      gapAuthorityId: "insee:authority:69",
      pathFrom: "svc:lyon-social",
      pathTo: "siren:775671356",
      territoryCode: "69123",
    });
    expect(tabs).toHaveLength(4);
    expect(tabs[0]).toContain('transversality(authorityId: "insee:authority:69123")');
    expect(tabs[1]).toContain('scope: { authorityId: "insee:authority:69" }');
    expect(tabs[2]).toContain('path(from: "svc:lyon-social", to: "siren:775671356")');
    expect(tabs[3]).toContain('scope: { territoryCode: "69123" }');
    expect(tabs.join("\n")).not.toContain("auth:city-sa");
  });

  it("ask about the whole graph where it lacks a subject", () => {
    const tabs = exampleTabs(pickExampleIds({ authorityRanking: [], actors: { nodes: [] }, territories: { nodes: [] } })).map((t) => t.query);

    expect(tabs).toHaveLength(3);
    expect(tabs[0]).toContain("graphStats");
    expect(tabs[1]).toContain("cooperationGaps(first: 5)");
    expect(tabs[2]).toContain("brokers(first: 5)");
    expect(tabs.join("\n")).not.toMatch(/"[a-z]+:/);
  });
});
