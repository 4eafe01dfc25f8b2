// A lab's page: its two feet drawn — its hosts' services on the left, its other partners on the right — the share of
// its cooperation inside, whether it reaches a decision-making body, and the balance year by year.
import { labBalanceQuery } from "../api/queries";
import type { LabBalanceData } from "../api/types";
import { num } from "../logic/format";
import { kindName, percent, type Lang, type Words } from "../logic/i18n";
import { domainColour, kindColour } from "../logic/palette";
import { Figure } from "./Figure";
import { Status } from "./Status";
import { useQuery } from "./useQuery";

export function LabView({ id, lang, t, onSelect }: { id: string; lang: Lang; t: Words; onSelect: (id: string) => void }) {
  // Its balance today: links that have ended are history, in the trend.
  const asOf = new Date().toISOString().slice(0, 10);
  const state = useQuery<{ labBalance: LabBalanceData | null }>(labBalanceQuery, { id, asOf });
  return (
    <section className="lab" data-testid="lab-view" aria-labelledby="lab-title">
      <Status state={state} t={t} isEmpty={(d) => d.labBalance === null}>
        {({ labBalance: b }) => b && (
          <>
            <h2 id="lab-title">{t.labView.replace("{name}", b.lab.name)}</h2>
            <p className="help">
              {t.hostedBy}{t.colon} {b.hosts.map((h) => h.name).join(", ") || t.none}
              {b.lab.founded && <> · {t.foundedIn} {b.lab.founded.slice(0, 4)}</>}
            </p>
            <p className="note">{t.labIntro}</p>
            {b.inside + b.outside === 0 ? <p className="missing" data-testid="lab-no-links">{t.noLabLinks}</p> : (
              <>
                <div className="figures">
                  <Figure label={t.insideShareLabel} value={percent(lang, b.insideShare ?? 0)}
                    detail={`${num(lang, b.inside)} ${t.insideCol.toLowerCase()}, ${num(lang, b.outside)} ${t.outsideCol.toLowerCase()}`}
                    how={t.insideShareHow} t={t} testId="lab-inside-share" />
                  <div className="figure" data-testid="lab-decision">
                    <span className="detail">{b.decisionAccess ? t.decisionYes : t.decisionNo}</span>
                  </div>
                </div>
                <TwoFeet balance={b} lang={lang} t={t} onSelect={onSelect} />
                <h3>{t.labTrend}</h3>
                <div className="table-scroll"><table className="trend-table" data-testid="lab-trend">
                  <thead><tr><th scope="col">{t.yearCol}</th><th scope="col">{t.insideCol}</th><th scope="col">{t.outsideCol}</th><th scope="col">{t.insideShareLabel}</th></tr></thead>
                  <tbody>
                    {b.trend.map((p) => (
                      <tr key={p.year}>
                        <th scope="row">{p.year}</th>
                        <td>{num(lang, p.inside)}</td>
                        <td>{num(lang, p.outside)}</td>
                        <td>
                          {p.insideShare === null ? "–" : (
                            <span className="share-bar" style={{ "--share": p.insideShare } as React.CSSProperties}>{percent(lang, p.insideShare)}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table></div>
              </>
            )}
          </>
        )}
      </Status>
    </section>
  );
}

/**
 * The lab in the middle, its inside partners on the left, its outside partners on the right, one line to each; below,
 * the same partners as lists, the way in for a keyboard or a screen reader.
 */
function TwoFeet({ balance: b, lang, t, onSelect }: { balance: LabBalanceData; lang: Lang; t: Words; onSelect: (id: string) => void }) {
  const rows = Math.max(b.insidePartners.length, b.outsidePartners.length, 1);
  // Wide enough for partners' full names on both sides (about sixty characters), shortened beyond.
  const [width, rowHeight, top, side] = [1100, 30, 40, 430];
  const short = (name: string) => (name.length > 62 ? `${name.slice(0, 60)}…` : name);
  const height = top + rows * rowHeight + 10;
  const centre = { x: width / 2, y: top + (rows * rowHeight) / 2 };
  const y = (i: number, n: number) => top + (rows - n) * rowHeight / 2 + i * rowHeight + rowHeight / 2;
  const list = (partners: { id: string; name: string }[], testId: string) => (
    <ul data-testid={testId}>
      {partners.map((p) => <li key={p.id}><button type="button" className="link" onClick={() => onSelect(p.id)}>{p.name}</button></li>)}
    </ul>
  );
  return (
    <>
    <svg className="two-feet" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${t.insideFoot}: ${b.insidePartners.length}; ${t.outsideFoot}: ${b.outsidePartners.length}`} data-testid="lab-two-feet">
      <text x={side - 200} y={20} textAnchor="middle" className="foot-title">{t.insideFoot}</text>
      <text x={width - side + 200} y={20} textAnchor="middle" className="foot-title">{t.outsideFoot}</text>
      {b.insidePartners.map((p, i) => (
        <g key={p.id} data-testid="lab-inside-partner">
          <line x1={centre.x} y1={centre.y} x2={side} y2={y(i, b.insidePartners.length)} className="foot-line" />
          <circle cx={side} cy={y(i, b.insidePartners.length)} r={8} fill={domainColour(p.domain)} className={p.decisionMaking ? "deciding" : ""} />
          <text x={side - 12} y={y(i, b.insidePartners.length) + 4} textAnchor="end" className="foot-name">{short(p.name)}</text>
        </g>
      ))}
      {b.outsidePartners.map((p, i) => (
        <g key={p.id} data-testid="lab-outside-partner">
          <line x1={centre.x} y1={centre.y} x2={width - side} y2={y(i, b.outsidePartners.length)} className="foot-line" />
          <circle cx={width - side} cy={y(i, b.outsidePartners.length)} r={8} fill={kindColour(p.kind)} />
          <text x={width - side + 12} y={y(i, b.outsidePartners.length) + 4} className="foot-name">
            {short(p.name)} <tspan className="foot-kind">({kindName(lang, p.kind)})</tspan>
          </text>
        </g>
      ))}
      <circle cx={centre.x} cy={centre.y} r={18} className="foot-lab" />
      <text x={centre.x} y={centre.y + 36} textAnchor="middle" className="foot-name">{b.lab.name}</text>
    </svg>
    <div className="feet-lists">
      <div><h3>{t.insideFoot}</h3>{list(b.insidePartners, "lab-inside-list")}</div>
      <div><h3>{t.outsideFoot}</h3>{list(b.outsidePartners, "lab-outside-list")}</div>
    </div>
    </>
  );
}
