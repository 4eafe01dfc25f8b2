import { describe, expect, it } from "vitest";
import { followChanges, parseSse } from "./stream";

describe("parseSse", () => {
  it("splits complete events, skips comments, keeps an incomplete tail", () => {
    const { events, rest } = parseSse(":\n\nevent: next\ndata: {\"a\":1}\n\nevent: complete\ndata:\n\nevent: next\ndata: {\"b\"");
    expect(events).toEqual([{ event: "next", data: "{\"a\":1}" }, { event: "complete", data: "" }]);
    expect(rest).toBe("event: next\ndata: {\"b\"");
  });
});

describe("followChanges", () => {
  it("reports each version of next events, and opens the stream again when it ends", async () => {
    const controller = new AbortController();
    const versions: number[] = [];
    let opened = 0;
    const body = (text: string) => new ReadableStream<Uint8Array>({
      start(c) {
        // Split mid-event: the reader must join the chunks.
        const bytes = new TextEncoder().encode(text);
        c.enqueue(bytes.slice(0, 20));
        c.enqueue(bytes.slice(20));
        c.close();
      },
    });
    const fetchImpl = async () => {
      opened++;
      const text = opened === 1
        ? "event: next\ndata: {\"data\":{\"graphChanged\":{\"version\":7}}}\n\n:\n\nevent: complete\ndata:\n\n"
        : "event: next\ndata: {\"data\":{\"graphChanged\":{\"version\":9}}}\n\n";
      if (opened === 2) controller.abort();
      return new Response(body(text), { status: 200, headers: { "Content-Type": "text/event-stream" } });
    };

    await followChanges((v) => versions.push(v), controller.signal, fetchImpl, async () => {});

    expect(versions).toEqual([7, 9]);
    expect(opened).toBe(2);
  });
});
