// A type-ahead over the API's search, usable with the keyboard alone (arrows, Enter, Escape), as an ARIA combobox.
import { useEffect, useId, useState } from "react";
import { runQuery } from "../api/client";

export interface Choice {
  id: string;
  label: string;
  detail?: string;
}

export function SearchBox({ label, placeholder, noMatch, search, onPick, testId, initial = "" }: {
  label: string;
  placeholder: string;
  noMatch: string;
  search: (text: string, signal: AbortSignal) => Promise<Choice[]>;
  onPick: (choice: Choice) => void;
  testId: string;
  initial?: string;
}) {
  const [text, setText] = useState(initial);
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [active, setActive] = useState(0);
  // The text a choice put in the box: it is not a new search (the list would open again after every choice).
  const [picked, setPicked] = useState<string | null>(null);
  const listId = useId();
  const inputId = useId();

  useEffect(() => setText(initial), [initial]);

  useEffect(() => {
    if (text.trim().length < 2 || text === initial || text === picked) {
      setChoices(null);
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing so that each keystroke does not cost a request.
    const timer = window.setTimeout(() => {
      search(text.trim(), controller.signal)
        .then((found) => { setChoices(found); setActive(0); })
        .catch(() => { if (!controller.signal.aborted) setChoices([]); });
    }, 200);
    return () => { controller.abort(); window.clearTimeout(timer); };
  }, [text, search, initial, picked]);

  const pick = (choice: Choice) => {
    setChoices(null);
    setPicked(choice.label);
    setText(choice.label);
    onPick(choice);
  };

  return (
    <div className="searchbox" data-testid={testId}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={choices !== null && choices.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={choices?.[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (!choices?.length) return;
          if (e.key === "ArrowDown") { e.preventDefault(); setActive((a) => Math.min(a + 1, choices.length - 1)); }
          else if (e.key === "ArrowUp") { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
          else if (e.key === "Enter") { e.preventDefault(); const c = choices[active]; if (c) pick(c); }
          else if (e.key === "Escape") setChoices(null);
        }}
      />
      {choices !== null && (
        <ul id={listId} role="listbox" className="choices">
          {choices.length === 0 && <li className="nomatch">{noMatch}</li>}
          {choices.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : ""}
              onMouseDown={(e) => { e.preventDefault(); pick(c); }}
            >
              {c.label} {c.detail && <small>{c.detail}</small>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FoundNode { id: string; name: string; kind?: string; level?: string; territory?: { name: string } | null; parent?: { name: string } | null }

/**
 * A search function for SearchBox over a listing (actors by default, territories), with the query and a way to
 * describe each choice.
 */
export function actorSearch(query: string, describe: (node: FoundNode) => string | undefined, listing: "actors" | "territories" = "actors") {
  return async (text: string, signal: AbortSignal): Promise<Choice[]> => {
    const data = await runQuery<Record<string, { nodes: FoundNode[] }>>(query, { text }, signal);
    return (data[listing]?.nodes ?? []).map((n) => ({ id: n.id, label: n.name, detail: describe(n) }));
  };
}
