// Runs one GraphQL operation for a component, cancels it when its inputs change or the component goes,
// and counts the seconds it has been running so that long analyses show progress, not a frozen page.
import { useCallback, useEffect, useState } from "react";
import { ApiError, runQuery } from "../api/client";

export type QueryState<T> =
  | { status: "idle" }
  | { status: "loading"; seconds: number }
  | { status: "error"; error: ApiError; retry: () => void }
  | { status: "done"; data: T };

/** refresh: a counter; each time it moves the query runs again (the graph changed), with the same inputs. */
export function useQuery<T>(query: string, variables: Record<string, unknown> | null, refresh = 0): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: "idle" });
  // The inputs the state answers: when they change, the state of the previous ones is never shown, not even for the
  // one render before the new request starts (a view would otherwise draw an answer about what it no longer shows).
  const [stateKey, setStateKey] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = variables === null ? null : JSON.stringify(variables);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => {
    setStateKey(key);
    if (key === null) {
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    const started = Date.now();
    setState({ status: "loading", seconds: 0 });
    const timer = window.setInterval(() => {
      setState((s) => (s.status === "loading" ? { status: "loading", seconds: Math.floor((Date.now() - started) / 1000) } : s));
    }, 1000);
    runQuery<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal)
      .then((data) => setState({ status: "done", data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), "CLIENT_ERROR");
        setState({ status: "error", error: apiError, retry });
      })
      .finally(() => window.clearInterval(timer));
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [query, key, attempt, retry, refresh]);

  if (stateKey !== key) return key === null ? { status: "idle" } : { status: "loading", seconds: 0 };
  return state;
}
