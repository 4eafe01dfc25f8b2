// The domain × domain matrix as a heatmap table: a table, so that screen readers and keyboards read it too. A cell
// opens who brings its two domains together: the direct links between their services and the bridging partners.
import { useState } from "react";
import type { MatrixCell } from "../api/types";
import { domainName, type Lang, type Words } from "../logic/i18n";
import { heatColour } from "../logic/palette";

export function Heatmap({ domains, matrix, lang, t, onSelect }: {
  domains: string[]; matrix: MatrixCell[]; lang: Lang; t: Words; onSelect: (id: string) => void;
}) {
  const [open, setOpen] = useState<MatrixCell | null>(null);
  const cellOf = new Map(matrix.flatMap((c) => [[`${c.a}|${c.b}`, c], [`${c.b}|${c.a}`, c]] as const));
  const max = Math.max(0, ...matrix.map((c) => c.direct + c.bridged));
  return (
    <figure className="heatmap">
      <figcaption>{t.matrix}</figcaption>
      <table data-testid="heatmap">
        <thead>
          <tr>
            <td />
            {domains.map((d) => <th key={d} scope="col" title={domainName(lang, d)}>{domainName(lang, d)}</th>)}
          </tr>
        </thead>
        <tbody>
          {domains.map((row) => (
            <tr key={row}>
              <th scope="row">{domainName(lang, row)}</th>
              {domains.map((col) => {
                if (row === col) return <td key={col} className="diagonal" aria-hidden="true" />;
                const cell = cellOf.get(`${row}|${col}`);
                if (!cell) return <td key={col} />;
                const { background, text } = heatColour(cell.direct + cell.bridged, max);
                const label = `${domainName(lang, row)} × ${domainName(lang, col)}${t.colon} ${cell.direct} ${t.direct}, ${cell.bridged} ${t.bridged}${cell.covered ? "" : `, ${t.notCovered}`}`;
                return (
                  <td key={col} className={cell.covered ? "covered" : "uncovered"} style={{ background, color: text }} title={label}>
                    <button type="button" className="cell" aria-label={`${cell.direct}+${cell.bridged} — ${label}`} aria-pressed={open === cell} style={{ color: text }}
                      data-testid={`cell-${row}-${col}`} onClick={() => setOpen(open === cell ? null : cell)}>
                      {cell.direct}+{cell.bridged}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help">{t.matrixHelp}</p>
      {open && (
        <div className="cell-detail" data-testid="cell-detail" role="region" aria-label={`${domainName(lang, open.a)} × ${domainName(lang, open.b)}`}>
          <h4>{domainName(lang, open.a)} × {domainName(lang, open.b)}</h4>
          {open.direct + open.bridged === 0 && <p>{t.cellNothing}</p>}
          {open.directLinks.length > 0 && (
            <>
              <p>{t.cellDirect}</p>
              <ul>
                {open.directLinks.map((l) => (
                  <li key={`${l.source.id}|${l.target.id}`}>
                    <button type="button" className="link" onClick={() => onSelect(l.source.id)}>{l.source.name ?? l.source.id}</button>
                    {" – "}
                    <button type="button" className="link" onClick={() => onSelect(l.target.id)}>{l.target.name ?? l.target.id}</button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {open.bridgedBy.length > 0 && (
            <>
              <p>{t.cellBridged}</p>
              <ul>{open.bridgedBy.map((p) => <li key={p.id}><button type="button" className="link" onClick={() => onSelect(p.id)}>{p.name}</button></li>)}</ul>
            </>
          )}
        </div>
      )}
    </figure>
  );
}
