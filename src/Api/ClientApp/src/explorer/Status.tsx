import type { ReactNode } from "react";
import type { Words } from "../logic/i18n";
import type { QueryState } from "./useQuery";

/** Loading, error and empty states shared by every panel; children render only with data. */
export function Status<T>({ state, t, children, isEmpty }: {
  state: QueryState<T>;
  t: Words;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  switch (state.status) {
    case "idle":
      return null;
    case "loading":
      return (
        <p className="status loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> {state.seconds < 2 ? t.loading : `${t.computing}… ${state.seconds} ${t.seconds}`}
        </p>
      );
    case "error":
      return (
        <div className="status error" role="alert">
          <p>{t.errorPrefix} ({state.error.code}){t.colon} {state.error.message}</p>
          <button type="button" onClick={state.retry}>{t.retry}</button>
        </div>
      );
    case "done":
      return isEmpty?.(state.data) ? <p className="status empty">{t.empty}</p> : <>{children(state.data)}</>;
  }
}
