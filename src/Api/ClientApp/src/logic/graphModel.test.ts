import { describe, expect, it } from "vitest";
import type { LinkData, NodeRef } from "../api/types";
import { GraphModel, isTransversal, nodeDomains, validInYear, type ViewFilter } from "./graphModel";

const service = (id: string, domain: string): NodeRef => ({ id, __typename: "Service", name: id, kind: "SERVICE", domain, themes: [] });
const sse = (id: string, ...domains: string[]): NodeRef =>
  ({ id, __typename: "SseActor", name: id, kind: "SSE_ACTOR", themes: domains.map((domain) => ({ domain })) });
const link = (id: string, source: NodeRef, target: NodeRef, since: string | null = null, until: string | null = null, type = "COOPERATES_WITH"): LinkData =>
  ({ id, type, since, until, kind: "PARTNERSHIP", intensity: 2, source, target });
const filter = (over: Partial<ViewFilter> = {}): ViewFilter =>
  ({ colour: "domain", domains: [], types: [], year: null, gaps: true, path: [], keep: [], ...over });

describe("domains and transversal links", () => {
  it("takes a service's domain, else its themes' domains, most frequent first", () => {
    expect(nodeDomains(service("s", "SOCIAL"))).toEqual(["SOCIAL"]);
    expect(nodeDomains(sse("a", "TRANSPORT", "SOCIAL", "SOCIAL"))).toEqual(["SOCIAL", "TRANSPORT"]);
  });

  it("marks cooperation between ends with disjoint domains only", () => {
    expect(isTransversal("COOPERATES_WITH", ["SOCIAL"], ["TRANSPORT"])).toBe(true);
    expect(isTransversal("COOPERATES_WITH", ["SOCIAL"], ["SOCIAL", "TRANSPORT"])).toBe(false);
    expect(isTransversal("COOPERATES_WITH", [], ["TRANSPORT"])).toBe(false);
    expect(isTransversal("FUNDS", ["SOCIAL"], ["TRANSPORT"])).toBe(false);
  });

  it("draws transversal links with their class", () => {
    const model = new GraphModel();
    model.addLink(link("1", service("s1", "SOCIAL"), service("s2", "TRANSPORT")));
    model.addLink(link("2", service("s1", "SOCIAL"), sse("a", "SOCIAL")));
    const edges = model.elements(filter()).filter((e) => e.group === "edges");
    expect(edges.map((e) => [e.data.id, e.classes])).toEqual([["l:1", "cooperation transversal"], ["l:2", "cooperation"]]);
  });
});

describe("as of a year", () => {
  it("keeps links valid on 31 December", () => {
    expect(validInYear({ since: "2019-06-01", until: null }, 2019)).toBe(true);
    expect(validInYear({ since: "2020-01-01", until: null }, 2019)).toBe(false);
    expect(validInYear({ since: "2015-01-01", until: "2018-12-30" }, 2018)).toBe(false);
    expect(validInYear({ since: null, until: null }, 1990)).toBe(true);
  });

  it("hides links not yet valid and the nodes they alone held", () => {
    const model = new GraphModel();
    model.addLink(link("old", service("s1", "SOCIAL"), sse("a", "SOCIAL"), "2012-01-01"));
    model.addLink(link("new", service("s1", "SOCIAL"), sse("b", "HOUSING"), "2022-01-01"));
    const ids = (year: number | null) => model.elements(filter({ year })).map((e) => e.data.id);
    expect(ids(2015)).toEqual(["s1", "a", "l:old"]);
    expect(ids(null)).toEqual(["s1", "a", "b", "l:old", "l:new"]);
    expect(model.firstYear()).toBe(2012);
  });
});

describe("filters and gaps", () => {
  it("shows only nodes of the chosen domains, and links between them", () => {
    const model = new GraphModel();
    model.addLink(link("1", service("s1", "SOCIAL"), service("s2", "TRANSPORT")));
    model.addLink(link("2", service("s1", "SOCIAL"), sse("a", "SOCIAL")));
    const ids = model.elements(filter({ domains: ["SOCIAL"] })).map((e) => e.data.id);
    expect(ids).toEqual(["s1", "a", "l:2"]);
  });

  it("filters link types", () => {
    const model = new GraphModel();
    model.addLink(link("1", service("s1", "SOCIAL"), sse("a", "SOCIAL")));
    model.addLink(link("2", service("s1", "SOCIAL"), sse("a", "SOCIAL"), null, null, "FUNDS"));
    const edges = model.elements(filter({ types: ["FUNDS"] })).filter((e) => e.group === "edges");
    expect(edges.map((e) => e.data.type)).toEqual(["FUNDS"]);
  });

  it("draws gaps as dashed suggestions that can be switched off", () => {
    const model = new GraphModel();
    model.addNode(service("s1", "SOCIAL"));
    model.setGaps([{ source: service("s1", "SOCIAL"), target: sse("b", "SOCIAL"), score: 1.5, hops: null, reasons: [] }]);
    expect(model.elements(filter()).filter((e) => e.classes === "gap")).toHaveLength(1);
    expect(model.elements(filter({ gaps: false })).filter((e) => e.classes === "gap")).toHaveLength(0);
  });

  it("replaces the nodes that only new gaps brought, and keeps those linked since", () => {
    const model = new GraphModel();
    model.addNode(service("s1", "SOCIAL"));
    const gap = (target: NodeRef) => ({ source: service("s1", "SOCIAL"), target, score: 1, hops: null, reasons: [] });
    model.setGaps([gap(sse("old", "SOCIAL")), gap(sse("linked", "SOCIAL"))]);
    model.addLink(link("1", service("s1", "SOCIAL"), sse("linked", "SOCIAL")));

    model.setGaps([gap(sse("new", "HOUSING"))]);

    expect([...model.nodes.keys()].sort()).toEqual(["linked", "new", "s1"]);
  });

  it("marks the path's nodes and links", () => {
    const model = new GraphModel();
    model.addLink(link("1", service("s1", "SOCIAL"), sse("a", "SOCIAL")));
    model.addLink(link("2", sse("a", "SOCIAL"), sse("b", "HOUSING")));
    const marked = model.elements(filter({ path: ["b", "a"] })).filter((e) => e.classes.includes("path")).map((e) => e.data.id);
    expect(marked).toEqual(["a", "b", "l:2"]);
  });

  it("keeps the domains a fuller reference gave", () => {
    const model = new GraphModel();
    model.addNode(sse("a", "SOCIAL"));
    model.addNode({ id: "a", __typename: "SseActor", name: "a" });
    expect(model.nodes.get("a")!.domains).toEqual(["SOCIAL"]);
  });
});
