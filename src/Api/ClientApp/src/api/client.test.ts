import { describe, expect, it } from "vitest";
import { ApiError, readResponse, runQuery } from "./client";
import { forgetKey, keepKey, storedKey } from "./session";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/graphql-response+json", ...headers } });

/** The ApiError a call rejects with; fails the test when it resolves or rejects with something else. */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const outcome = await call.then(() => undefined, (e: unknown) => e);
  expect(outcome).toBeInstanceOf(ApiError);
  return outcome as ApiError;
}

describe("GraphQL client", () => {
  it("returns data", async () => {
    await expect(readResponse(json(200, { data: { a: 1 } }))).resolves.toEqual({ a: 1 });
  });

  it("raises the API's first error with its code", async () => {
    const error = await failure(readResponse(json(400, { errors: [{ message: "Too deep", extensions: { code: "QUERY_TOO_COMPLEX" } }] })));
    expect(error.code).toBe("QUERY_TOO_COMPLEX");
    expect(error.status).toBe(400);
  });

  it("says when to retry a rate-limited request", async () => {
    const error = await failure(readResponse(json(429, { errors: [{ message: "Too many requests.", extensions: { code: "RATE_LIMITED" } }] }, { "Retry-After": "7" })));
    expect(error.message).toBe("Too many requests. (retry in 7 s)");
  });

  it("reports a body that is not GraphQL by its status", async () => {
    const error = await failure(readResponse(new Response("<html>", { status: 502, statusText: "Bad Gateway" })));
    expect(error.code).toBe("HTTP_502");
  });

  it("turns a network failure into NETWORK_ERROR and posts JSON to /graphql", async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const failing = (url: string, init: RequestInit) => { seen = { url, init }; return Promise.reject(new TypeError("fetch failed")); };
    const error = await failure(runQuery("{ a }", { x: 1 }, undefined, failing));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(seen?.url).toBe("/graphql");
    expect(JSON.parse(seen?.init.body as string)).toEqual({ query: "{ a }", variables: { x: 1 } });
  });
});

describe("signing in", () => {
  const memory = (): Storage => {
    const values = new Map<string, string>();
    return {
      get length() { return values.size; },
      clear: () => values.clear(),
      getItem: (k) => values.get(k) ?? null,
      key: (i) => [...values.keys()][i] ?? null,
      removeItem: (k) => { values.delete(k); },
      setItem: (k, v) => { values.set(k, v); },
    };
  };

  it("keeps the key for the session only, and forgets it on sign-out", () => {
    const storage = memory();
    expect(storedKey(storage)).toBeNull();
    keepKey("  cg_secret ", storage);
    expect(storedKey(storage)).toBe("cg_secret");
    forgetKey(storage);
    expect(storedKey(storage)).toBeNull();
  });

  it("sends the key as a bearer token, and nothing without one", async () => {
    const sent: RequestInit[] = [];
    const answering = (_: string, init: RequestInit) => { sent.push(init); return Promise.resolve(json(200, { data: { a: 1 } })); };
    await runQuery("{ a }", {}, undefined, answering, "cg_secret");
    await runQuery("{ a }", {}, undefined, answering, null);
    expect((sent[0]?.headers as Record<string, string>).Authorization).toBe("Bearer cg_secret");
    expect((sent[1]?.headers as Record<string, string>).Authorization).toBeUndefined();
  });
});
