import { describe, expect, it } from "vitest";
import { ApiError, readResponse, runQuery } from "./client";

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
