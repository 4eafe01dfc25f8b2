import { describe, expect, it } from "vitest";
import { answerFor, draftKey, fromServer, loadDraft, parseSiren, parseYear, saveDraft, toInput, tokenOf } from "./answers";

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(index: number) { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

describe("survey answers", () => {
  it("sends an existing partner by id, with the year as its first of January", () => {
    const answer = { ...answerFor("sse:velo", "Vélo"), kind: "AGREEMENT" as const, intensity: 5, sinceYear: 2019, themeIds: ["theme:x"] };
    expect(toInput(answer)).toEqual({ partnerId: "sse:velo", kind: "AGREEMENT", intensity: 5, since: "2019-01-01", themeIds: ["theme:x"] });
  });

  it("sends a new partner whole, with a legal form only for an SSE actor", () => {
    const lab = answerFor("partner:1", "Lab", { id: "partner:1", kind: "INNOVATION_LAB", name: "Lab", legalForm: "COOPERATIVE", territoryCode: "69123" });
    expect(toInput(lab)).toMatchObject({ newPartner: { id: "partner:1", kind: "INNOVATION_LAB", legalForm: null, territoryCode: "69123" }, since: null });
    const sse = answerFor("partner:2", "Asso", { id: "partner:2", kind: "SSE_ACTOR", name: "Asso", siren: "123456789" });
    expect(toInput(sse)).toMatchObject({ newPartner: { legalForm: "ASSOCIATION", siren: "123456789", territoryCode: null } });
  });

  it("reads the server's answers back", () => {
    expect(fromServer([{ partner: { id: "a", name: "A" }, kind: "NETWORK", intensity: 2, since: "2020-01-01", themes: [{ id: "t" }] }]))
      .toEqual([{ partnerId: "a", name: "A", kind: "NETWORK", intensity: 2, sinceYear: 2020, themeIds: ["t"] }]);
  });

  it("accepts years from 1900 to this year and nine-digit SIRENs", () => {
    expect(parseYear("", 2026)).toBeNull();
    expect(parseYear("2026", 2026)).toBe(2026);
    expect(parseYear("2027", 2026)).toBe("invalid");
    expect(parseYear("19", 2026)).toBe("invalid");
    expect(parseSiren("123 456 789")).toBe("123456789");
    expect(parseSiren("12345")).toBe("invalid");
    expect(parseSiren(" ")).toBeNull();
  });

  it("keeps a draft per survey and service, and ignores a damaged one", () => {
    const storage = new MemoryStorage();
    const key = draftKey("survey:1", "svc:a");
    saveDraft(storage, key, [answerFor("x", "X")]);
    expect(loadDraft(storage, key)).toEqual([answerFor("x", "X")]);
    expect(loadDraft(storage, draftKey("survey:1", "svc:b"))).toBeNull();
    storage.setItem(key, "{not json");
    expect(loadDraft(storage, key)).toBeNull();
    storage.setItem(key, JSON.stringify([{ partnerId: "x", name: "X", kind: "PARTNERSHIP", intensity: 9, themeIds: [] }]));
    expect(loadDraft(storage, key)).toEqual([]);
  });

  it("finds the token in the page's address only", () => {
    expect(tokenOf("/survey/sv_abc-DEF_1")).toBe("sv_abc-DEF_1");
    expect(tokenOf("/survey/")).toBeNull();
    expect(tokenOf("/survey/a/b")).toBeNull();
  });
});
