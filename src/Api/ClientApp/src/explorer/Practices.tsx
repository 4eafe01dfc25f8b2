// Two questions practitioners ask of an authority: do its instruments make actors cooperate (a difference of
// differences against similar actors), and does it involve the people its policies serve upstream?
import { practicesQuery } from "../api/queries";
import type { PracticesData } from "../api/types";
import { num } from "../logic/format";
import { instrumentName, stageName, type Lang, type Words } from "../logic/i18n";
import { Status } from "./Status";
import { useQuery } from "./useQuery";

/** A difference of shares as signed percentage points: "+12 points", "−33 points". */
const points = (lang: Lang, t: Words, value: number) =>
  t.effectPoints.replace("{value}", `${value > 0 ? "+" : ""}${num(lang, Math.round(value * 100))}`);

export function Practices({ authority, lang, t, onSelect }: { authority: string; lang: Lang; t: Words; onSelect: (id: string) => void }) {
  const state = useQuery<PracticesData>(practicesQuery, { id: authority });
  return (
    <div className="lists practices">
      <div>
        <h3>{t.instrumentsTitle}</h3>
        <p className="help">{t.instrumentsHelp}</p>
        <Status state={state} t={t} isEmpty={(d) => d.instrumentComparison.length === 0}>
          {(d) => (
            <div className="table-scroll">
            <table className="trend-table" data-testid="instruments">
              <thead><tr><th scope="col">{t.instrumentCol}</th><th scope="col">{t.policiesCol}</th><th scope="col">{t.measuredCol}</th><th scope="col">{t.effectCol}</th></tr></thead>
              <tbody>
                {d.instrumentComparison.map((s) => (
                  <tr key={s.instrument}>
                    <th scope="row">{instrumentName(lang, s.instrument)}</th>
                    <td>{num(lang, s.policies)}</td>
                    <td>{num(lang, s.measured)}</td>
                    <td>
                      {s.meanDifferenceInDifferences === null ? <small>{t.notMeasured}</small> : points(lang, t, s.meanDifferenceInDifferences)}
                      <ul className="effects">
                        {s.effects.filter((e) => e.differenceInDifferences !== null).map((e) => (
                          <li key={e.policy.id}>
                            <button type="button" className="link" onClick={() => onSelect(e.policy.id)}>{e.policy.name}</button>
                            {" "}<small>{e.startYear}{t.colon} {points(lang, t, e.differenceInDifferences!)}</small>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </Status>
      </div>
      <div>
        <h3>{t.participationTitle}</h3>
        <p className="help">{t.participationHelp}</p>
        <Status state={state} t={t} isEmpty={(d) => d.participation.policies === 0}>
          {({ participation: p }) => (
            <>
              <p data-testid="participation">
                {t.participationSummary.replace("{upstream}", num(lang, p.upstream)).replace("{policies}", num(lang, p.policies)).replace("{evaluationOnly}", num(lang, p.evaluationOnly))}
              </p>
              <ul className="chips">
                {p.byStage.map((s) => <li key={s.stage} className="chip">{stageName(lang, s.stage)}{t.colon} {num(lang, s.policies)}</li>)}
              </ul>
            </>
          )}
        </Status>
      </div>
    </div>
  );
}
