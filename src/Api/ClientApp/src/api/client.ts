// The one way the pages talk to the API: POST /graphql on the same origin, typed errors, cancellable; with the key
// the manager signed in with, if any (session.ts).
import { authorization, storedKey } from "./session";

/** An error the API returned, or a failure to reach it, with the code the API gave (extensions.code). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number | undefined;

  constructor(message: string, code: string, status?: number) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
  }
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

interface GraphQLResponseBody<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Runs one operation; resolves with its data, rejects with an ApiError (aborts reject with the AbortError as is). */
export async function runQuery<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
  key: string | null = storedKey(),
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json", ...authorization(key) },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("The API could not be reached.", "NETWORK_ERROR");
  }
  return readResponse<T>(response);
}

/** Turns an HTTP response of the GraphQL endpoint into data or an ApiError. */
export async function readResponse<T>(response: Response): Promise<T> {
  const retryAfter = response.headers.get("Retry-After");
  let body: GraphQLResponseBody<T> | undefined;
  try {
    body = (await response.json()) as GraphQLResponseBody<T>;
  } catch {
    body = undefined;
  }
  const first = body?.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? (response.ok ? "GRAPHQL_ERROR" : `HTTP_${response.status}`);
    const suffix = retryAfter ? ` (retry in ${retryAfter} s)` : "";
    throw new ApiError(first.message + suffix, code, response.status);
  }
  if (!response.ok || body?.data == null) {
    throw new ApiError(`The API answered ${response.status} ${response.statusText}`.trim(), `HTTP_${response.status}`, response.status);
  }
  return body.data;
}
