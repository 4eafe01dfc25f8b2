// The domain × domain matrix as a heatmap table: a table, so that screen readers and keyboards read it too.
import type { MatrixCell } from "../api/types";
import { domainName, type Lang, type Words } from "../logic/i18n";
import { heatColour } from "../logic/palette";

export function Heatmap({ domains, matrix, lang, t }: { domains: string[]; matrix: MatrixCell[]; lang: Lang; t: Words }) {
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
                  <td key={col} className={cell.covered ? "covered" : "uncovered"} style={{ background, color: text }} title={label} aria-label={label}>
                    {cell.direct}+{cell.bridged}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help">{t.matrixHelp}</p>
    </figure>
  );
}
