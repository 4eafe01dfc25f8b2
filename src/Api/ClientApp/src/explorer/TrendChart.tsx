// Transversality over the years: two lines (transversal share of service links, domain pairs covered),
// with each point's figures in its tooltip and in a list for those who do not see the chart.
import type { TrendPoint } from "../api/types";
import { percent, type Lang, type Words } from "../logic/i18n";

const width = 360;
const height = 140;
const pad = 40;

export function TrendChart({ points, lang, t }: { points: TrendPoint[]; lang: Lang; t: Words }) {
  if (points.length < 2) return null;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (points.length - 1);
  const y = (share: number) => height - pad - share * (height - 2 * pad);
  const line = (pick: (p: TrendPoint) => number) => points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(" ");
  const last = points[points.length - 1]!;
  return (
    <figure className="trend">
      <figcaption>{t.trend}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${t.trend}${t.colon} ${points[0]!.year}–${last.year}`} data-testid="trend">
        <line x1={pad} y1={y(0)} x2={width - pad} y2={y(0)} className="axis" />
        <line x1={pad} y1={y(1)} x2={width - pad} y2={y(1)} className="axis faint" />
        <text x={pad - 4} y={y(0) + 4} textAnchor="end" className="tick">0</text>
        <text x={pad - 4} y={y(1) + 4} textAnchor="end" className="tick">{percent(lang, 1)}</text>
        <text x={pad} y={height - 8} className="tick">{points[0]!.year}</text>
        <text x={width - pad} y={height - 8} textAnchor="end" className="tick">{last.year}</text>
        <polyline points={line((p) => p.linkShare)} className="series share" />
        <polyline points={line((p) => p.domainPairCoverage)} className="series coverage" />
        {points.map((p, i) => (
          <circle key={p.year} cx={x(i)} cy={y(p.linkShare)} r={3} className="point share">
            <title>{`${p.year}${t.colon} ${percent(lang, p.linkShare)} (${p.transversalLinks}/${p.serviceLinks}), ${t.coverage} ${percent(lang, p.domainPairCoverage)}`}</title>
          </circle>
        ))}
      </svg>
      <p className="keys">
        <span className="key share" /> {t.linkShare} · <span className="key coverage" /> {t.coverage}
      </p>
    </figure>
  );
}
