// Live updates: the graphChanged subscription over Server-Sent Events (POST /graphql/stream), read from fetch's body
// (EventSource cannot POST). The stream ends after a quiet while or when the server stops: it is opened again.
import { authorization, storedKey } from "./session";
import type { Fetch } from "./client";

/** One server-sent event. Comments (keep-alives) are not events. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Splits a text of the event stream into its complete events; returns them and the rest still incomplete. */
export function parseSse(text: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = text.replace(/\r\n/g, "\n").split("\n\n");
  const rest = blocks.pop() ?? "";
  for (const block of blocks) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length > 0 || event !== "message") events.push({ event, data: data.join("\n") });
  }
  return { events, rest };
}

const subscription = "subscription Updates { graphChanged { version } }";

/**
 * Calls onVersion with each version the graph moves to, until the signal aborts. A stream that ends or fails is
 * opened again after a pause (longer after failures, up to a minute).
 */
export async function followChanges(
  onVersion: (version: number) => void,
  signal: AbortSignal,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    try {
      const response = await fetchImpl("/graphql/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream", ...authorization(storedKey()) },
        body: JSON.stringify({ query: subscription }),
        signal,
      });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      failures = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { events, rest } = parseSse(buffer + value);
        buffer = rest;
        for (const e of events) {
          if (e.event !== "next") continue;
          const version = (JSON.parse(e.data) as { data?: { graphChanged?: { version: number } } }).data?.graphChanged?.version;
          if (typeof version === "number") onVersion(version);
        }
      }
    } catch {
      if (signal.aborted) return;
      failures++;
    }
    await pause(Math.min(60_000, 1000 * 2 ** Math.min(failures, 6)));
  }
}
