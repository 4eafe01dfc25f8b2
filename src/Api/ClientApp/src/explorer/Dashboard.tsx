// An authority's dashboard: figures, trend, heatmap, silos, bridges, domain gaps, cooperation gaps,
// competition hotspots and funding. Each analysis loads on its own and says so, with a count of those ready.
import { hotspotsQuery, serviceGapsQuery, transversalityQuery } from "../api/queries";
import type { CooperationGap, DomainGap, Hotspot, Transversality } from "../api/types";
import { Figure } from "./Figure";
import { Funding } from "./Funding";
import { GapList } from "./GapList";
import { Practices } from "./Practices";
import { domainName, percent, type Lang, type Words } from "../logic/i18n";
import { downloadCsv } from "../logic/download";
import { count, num } from "../logic/format";
import { summary } from "../logic/summary";
import { serviceTemplate } from "../logic/surveyTemplate";
import { Heatmap } from "./Heatmap";
import { Status } from "./Status";
import { TrendChart } from "./TrendChart";
import { useQuery, type QueryState } from "./useQuery";
import type { GraphUpdates } from "./useGraphUpdates";

export interface GapsData {
  cooperationGaps: { totalCount: number; nodes: CooperationGap[] };
  domainGaps: DomainGap[];
}

export function Dashboard({ authority, asOf, survey = null, confirmed = false, gaps, lang, t, onSelect, updates = { refresh: 0, updatedAt: null } }: {
  authority: string;
  asOf: string | null;
  /** Count only this survey's links (and, when confirmed, those both ends declared). */
  survey?: string | null;
  confirmed?: boolean;
  gaps: QueryState<GapsData>;
  lang: Lang;
  t: Words;
  onSelect: (id: string) => void;
  /** The graph's changes: the dashboard reloads with each, and says when the last came. */
  updates?: GraphUpdates;
}) {
  const toYear = new Date().getFullYear();
  const report = useQuery<{ transversality: Transversality }>(transversalityQuery, {
    id: authority, asOf, fromYear: toYear - 12, toYear, surveyId: survey, confirmedOnly: survey !== null && confirmed,
  }, updates.refresh);
  const hotspots = useQuery<{ competitionHotspots: Hotspot[] }>(hotspotsQuery, { id: authority, asOf }, updates.refresh);
  const ready = [report, gaps, hotspots].filter((s) => s.status === "done").length;

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <h2 id="dashboard-title">
        {t.dashboard}
        {report.status === "done" && <>{t.colon} {report.data.transversality.authority.name}</>}
      </h2>
      {updates.updatedAt && (
        <p className="note updated" role="status" data-testid="updated-note">
          {t.updatedAt} {updates.updatedAt.toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit", second: "2-digit" })}
        </p>
      )}
      {survey && <p className="note" data-testid="dashboard-basis">{confirmed ? t.onConfirmedLinks : t.onSurveyLinks}</p>}
      {ready < 3 && (
        <p className="progress" role="status" aria-live="polite">
          <progress max={3} value={ready} /> {ready}/3 {t.analysesReady}
        </p>
      )}
      <Status state={report} t={t}>
        {({ transversality: r }) => r.serviceLinks === 0 ? (
          survey ? <p className="missing" data-testid="missing-data">{t.surveyNoLinks}</p> : <MissingData authority={authority} services={r.services.length} t={t} />
        ) : (
          <>
            <p className="summary" data-testid="summary">{summary(lang, { ...r, name: r.authority.name })}</p>
            <div className="figures">
              <Figure label={t.linkShare} value={percent(lang, r.linkShare)} detail={`${count(lang, r.transversalLinks, "transversalLinks")} ${t.of} ${num(lang, r.serviceLinks)}`}
                how={t.linkShareHow} t={t} testId="link-share" />
              <Figure label={t.coverage} value={percent(lang, r.domainPairCoverage)} detail={`${num(lang, r.coveredDomainPairs)} ${t.of} ${num(lang, r.domainPairs)}`}
                how={t.coverageHow} t={t} testId="coverage" />
              {r.eiIndex !== null && (
                <Figure label={t.eiIndex} value={num(lang, r.eiIndex, 2)}
                  detail={`${num(lang, r.transversalLinks)} ${t.eiExternal}, ${num(lang, r.serviceLinks - r.transversalLinks)} ${t.eiInternal}`}
                  how={t.eiHow} t={t} testId="ei-index" />
              )}
              <div className="figure">
                <span className="label">{t.silos}</span>
                {r.siloDomains.length === 0
                  ? <span className="detail">{t.noSilos}</span>
                  : <ul className="chips" data-testid="silos">{r.siloDomains.map((d) => <li key={d} className="chip silo">{domainName(lang, d)}</li>)}</ul>}
              </div>
            </div>
            <div className="charts">
              <TrendChart points={r.trend} lang={lang} t={t} />
              <Heatmap domains={r.domains} matrix={r.matrix} lang={lang} t={t} onSelect={onSelect} />
            </div>
            <div className="lists">
              <div>
                <h3>{t.bridges}</h3>
                <p className="help">{t.bridgesHelp}</p>
                {r.bridges.length === 0 ? <p className="status empty">{t.empty}</p> : (
                  <ol data-testid="bridges">
                    {r.bridges.map((b) => (
                      <li key={b.actor.id}>
                        <button type="button" className="link" onClick={() => onSelect(b.actor.id)}>{b.actor.name}</button>
                        {" "}<small>{b.domains.map((d) => domainName(lang, d)).join(", ")}</small>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
              <DomainGaps gaps={gaps} lang={lang} t={t} />
            </div>
          </>
        )}
      </Status>
      <div className="lists">
        <CooperationGaps authority={authority} asOf={asOf} services={report.status === "done" ? report.data.transversality.services.map((x) => x.id) : null}
          lang={lang} t={t} onSelect={onSelect} />
        <div>
          <h3>{t.hotspots}</h3>
          <p className="help">{t.hotspotsHelp}</p>
          <Status state={hotspots} t={t} isEmpty={(d) => d.competitionHotspots.length === 0}>
            {(d) => (
              <ol data-testid="hotspots">
                {d.competitionHotspots.map((h) => (
                  <li key={h.policy.id}>
                    <button type="button" className="link" onClick={() => onSelect(h.policy.id)}>{h.policy.name}</button>
                    {" "}<small>{count(lang, h.applicants, "applicants")}, {percent(lang, h.cooperatingPairShare)} {t.cooperatingPairs}</small>
                  </li>
                ))}
              </ol>
            )}
          </Status>
        </div>
      </div>
      <Practices authority={authority} lang={lang} t={t} onSelect={onSelect} />
      <Funding authority={authority} asOf={asOf} lang={lang} t={t} onSelect={onSelect} />
    </section>
  );
}

/** What is known and what is missing when an authority has no services or no cooperation links: no conclusion from no data. */
function MissingData({ authority, services, t }: { authority: string; services: number; t: Words }) {
  return (
    <div className="missing" data-testid="missing-data">
      <p>{services === 0 ? t.missingServices : `${services} ${t.missingLinks}`}</p>
      <p>{t.noConclusion}</p>
      <p>{t.howToFill}</p>
      <button type="button" className="link" data-testid="services-template"
        onClick={() => downloadCsv("services.csv", serviceTemplate(authority))}>{t.template}</button>
    </div>
  );
}

function DomainGaps({ gaps, lang, t }: { gaps: QueryState<GapsData>; lang: Lang; t: Words }) {
  return (
    <div>
      <h3>{t.domainGaps}</h3>
      <p className="help">{t.domainGapsHelp}</p>
      <Status state={gaps} t={t} isEmpty={(d) => d.domainGaps.length === 0}>
        {(d) => (
          <ul data-testid="domain-gaps">
            {d.domainGaps.map((g) => (
              <li key={`${g.a}|${g.b}`}>
                <strong>{domainName(lang, g.a)} × {domainName(lang, g.b)}</strong>{t.colon} {count(lang, g.sharedThemes.length, "sharedThemes")}
                {" "}<small>({g.sharedThemes.map((th) => th.name).join(", ")})</small>
              </li>
            ))}
          </ul>
        )}
      </Status>
    </div>
  );
}

interface ServiceGapsData {
  ofServices: { totalCount: number; nodes: CooperationGap[] };
  betweenPartners: { totalCount: number; nodes: CooperationGap[] };
}

/** The gaps of the authority's own services first (its directions with partners or with each other), then between partners. */
function CooperationGaps({ authority, asOf, services, lang, t, onSelect }: {
  authority: string; asOf: string | null; services: string[] | null; lang: Lang; t: Words; onSelect: (id: string) => void;
}) {
  const gaps = useQuery<ServiceGapsData>(serviceGapsQuery, services ? { id: authority, asOf, services } : null);
  const list = (items: CooperationGap[], testId: string) => <GapList gaps={items} lang={lang} t={t} testId={testId} onSelect={onSelect} />;
  return (
    <div>
      <h3>{t.gaps}</h3>
      <p className="help">{t.gapsHelp} {t.scoreHelp}</p>
      <Status state={gaps} t={t}>
        {(d) => (
          <>
            <h4>{t.gapsOfServices}</h4>
            {d.ofServices.nodes.length === 0 ? <p className="status empty">{t.empty}</p> : list(d.ofServices.nodes, "gaps")}
            <h4>{t.gapsBetweenPartners}</h4>
            {d.betweenPartners.nodes.length === 0 ? <p className="status empty">{t.empty}</p> : list(d.betweenPartners.nodes, "partner-gaps")}
          </>
        )}
      </Status>
    </div>
  );
}
