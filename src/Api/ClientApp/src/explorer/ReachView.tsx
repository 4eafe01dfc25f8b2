// How far a policy has spread: the responsible authority's establishments on a map-free grid by territory (not reached,
// reached, engaged, engaged with an SSE organisation), the headline shares, adoption by year, and the other actors reached.
import { reachQuery } from "../api/queries";
import type { ReachData } from "../api/types";
import { num } from "../logic/format";
import { kindName, percent, type Lang, type Words } from "../logic/i18n";
import { Figure } from "./Figure";
import { Status } from "./Status";
import { useQuery } from "./useQuery";

type Establishment = ReachData["establishmentList"][number];

const stateOf = (e: Establishment) => (e.engagedWithSse ? "engaged-sse" : e.engaged ? "engaged" : e.reached ? "reached" : "not-reached");

export function ReachView({ id, lang, t, onSelect }: { id: string; lang: Lang; t: Words; onSelect: (id: string) => void }) {
  const state = useQuery<{ node: { id: string; name?: string } | null; reach: ReachData }>(reachQuery, { id });
  const label = (e: Establishment) =>
    ({ "engaged-sse": t.engagedSseState, engaged: t.engagedState, reached: t.reachedState, "not-reached": t.notReached })[stateOf(e)];
  return (
    <section className="reach" data-testid="reach-view" aria-labelledby="reach-title">
      <Status state={state} t={t}>
        {({ node, reach: r }) => {
          const byTerritory = new Map<string, Establishment[]>();
          for (const e of r.establishmentList) {
            const place = e.actor.territory?.name ?? t.noTerritoryName;
            byTerritory.set(place, [...(byTerritory.get(place) ?? []), e]);
          }
          const others = r.actors.filter((a) => !a.establishment);
          return (
            <>
              <h2 id="reach-title">{t.reachView.replace("{name}", node?.name ?? id)}</h2>
              <p className="note">{t.reachIntro}</p>
              {r.establishments === 0 ? <p className="missing" data-testid="reach-no-establishments">{t.noEstablishments}</p> : (
                <div className="figures">
                  <Figure label={t.establishmentsReached} value={percent(lang, r.establishmentShare ?? 0)}
                    detail={`${num(lang, r.reachedEstablishments)} ${t.of} ${num(lang, r.establishments)}`} how={t.reachIntro} t={t} testId="reach-share" />
                  <Figure label={t.engagedLabel} value={num(lang, r.engaged)} detail={`${t.engagedWithSseLabel}${t.colon} ${num(lang, r.engagedWithSse)}`}
                    how={t.engagedHow} t={t} testId="reach-engaged" />
                </div>
              )}
              {r.establishments > 0 && (
                <>
                  <h3>{t.establishmentGrid}</h3>
                  <ul className="reach-legend">
                    {(["not-reached", "reached", "engaged", "engaged-sse"] as const).map((s) => (
                      <li key={s}><span className={`cell ${s}`} aria-hidden="true" /> {{ "engaged-sse": t.engagedSseState, engaged: t.engagedState, reached: t.reachedState, "not-reached": t.notReached }[s]}</li>
                    ))}
                  </ul>
                  <div className="reach-grid" data-testid="reach-grid">
                    {[...byTerritory.entries()].sort(([a], [b]) => a.localeCompare(b, lang)).map(([place, list]) => (
                      <div key={place} className="reach-place">
                        <h4>{place} <small>({list.filter((e) => e.reached).length}/{list.length})</small></h4>
                        <ul>
                          {list.map((e) => (
                            <li key={e.actor.id}>
                              <button type="button" className={`cell ${stateOf(e)}`} data-state={stateOf(e)} title={`${e.actor.name}${t.colon} ${label(e)}`}
                                aria-label={`${e.actor.name}${t.colon} ${label(e)}`} onClick={() => onSelect(e.actor.id)} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))}
                  </div>
                </>
              )}
              {r.adoption.length > 0 && (
                <>
                  <h3>{t.adoptionTitle}</h3>
                  <div className="table-scroll"><table className="trend-table" data-testid="reach-adoption">
                    <thead><tr><th scope="col">{t.yearCol}</th><th scope="col">{t.engagedLabel}</th></tr></thead>
                    <tbody>{r.adoption.map((p) => <tr key={p.year}><th scope="row">{p.year}</th><td>{num(lang, p.engaged)}</td></tr>)}</tbody>
                  </table></div>
                </>
              )}
              {others.length > 0 && (
                <>
                  <h3>{t.otherReached} ({num(lang, others.length)})</h3>
                  <ul data-testid="reach-others">
                    {others.map((a) => (
                      <li key={a.actor.id}>
                        <button type="button" className="link" onClick={() => onSelect(a.actor.id)}>{a.actor.name}</button>
                        {" "}<small>{kindName(lang, a.actor.kind)}{a.engaged ? `, ${t.engagedState}` : ""}</small>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          );
        }}
      </Status>
    </section>
  );
}
