// A list of cooperation gaps: the two actors, the score, and each reason in words with its weight.
import type { CooperationGap } from "../api/types";
import { num } from "../logic/format";
import type { Lang, Words } from "../logic/i18n";
import { reasonText } from "../logic/reasons";

export function GapList({ gaps, lang, t, testId, onSelect }: {
  gaps: CooperationGap[]; lang: Lang; t: Words; testId: string; onSelect: (id: string) => void;
}) {
  return (
    <ol data-testid={testId} className="gaps">
      {gaps.map((g) => (
        <li key={`${g.source.id}|${g.target.id}`}>
          <button type="button" className="link" onClick={() => onSelect(g.source.id)}>{g.source.name}</button>
          {" ↔ "}
          <button type="button" className="link" onClick={() => onSelect(g.target.id)}>{g.target.name}</button>
          {" "}<small>({t.score} {num(lang, g.score, 2)})</small>
          <ul className="reasons">
            {g.reasons.map((r) => <li key={r.kind}>{reasonText(lang, r)} <small>(+{num(lang, r.weight, 2)})</small></li>)}
          </ul>
        </li>
      ))}
    </ol>
  );
}
