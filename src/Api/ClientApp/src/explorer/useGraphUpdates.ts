// The graph's version as the server announces it: a counter that moves with each change (views that depend on the
// graph reload when it does) and the time of the last change, for a discreet "updated" note.
import { useEffect, useState } from "react";
import { followChanges } from "../api/stream";

export interface GraphUpdates {
  refresh: number;
  updatedAt: Date | null;
}

export function useGraphUpdates(): GraphUpdates {
  const [updates, setUpdates] = useState<GraphUpdates>({ refresh: 0, updatedAt: null });
  useEffect(() => {
    const controller = new AbortController();
    void followChanges(() => setUpdates((u) => ({ refresh: u.refresh + 1, updatedAt: new Date() })), controller.signal);
    return () => controller.abort();
  }, []);
  return updates;
}
