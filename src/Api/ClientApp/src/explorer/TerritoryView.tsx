// A territory as the open data knows it, for graphs (or places) where no authority has listed its services: the
// actors located there by kind, the programmes that reach them, who connects them, cooperation gaps, the territories
// within, and their network. It says what is known and what is not, and concludes nothing about silos.
import { territoryAnalysesQuery, territoryNetworkQuery, territoryQuery, territoryRankingQuery } from "../api/queries";
import type { BrokerRow, CooperationGap, ScopeNetwork, TerritoryActors, TerritoryRef } from "../api/types";
import { count, num } from "../logic/format";
import { kindName, levelName, type Lang, type Words } from "../logic/i18n";
import { GapList } from "./GapList";
import { SidePanel } from "./SidePanel";
import { Status } from "./Status";
import { TerritoryNetwork } from "./TerritoryNetwork";
import { useQuery } from "./useQuery";

/** How many nodes the view asks for: a département's whole open data, the most linked of a région's. */
export const territoryNetworkSize = 2000;

interface Analyses {
  brokers: BrokerRow[];
  cooperationGaps: { totalCount: number; nodes: CooperationGap[] };
}

export function TerritoryView({ territory, focus, lang, t, onTerritory, onSelect, onCentre, onOpen }: {
  territory: string | null;
  focus: string | null;
  lang: Lang;
  t: Words;
  onTerritory: (id: string) => void;
  onSelect: (id: string | null) => void;
  onCentre: (id: string) => void;
  onOpen: (view: "lab" | "reach", id: string) => void;
}) {
  if (territory === null) {
    return (
      <section className="territory" data-testid="territory-view" aria-labelledby="territory-title">
        <h2 id="territory-title">{t.whereKnown}</h2>
        <p className="note" data-testid="no-services-anywhere">{t.noServicesAnywhere}</p>
        <TerritoryRanking within={null} lang={lang} t={t} onTerritory={onTerritory} />
      </section>
    );
  }
  return <KnownTerritory id={territory} focus={focus} lang={lang} t={t} onTerritory={onTerritory} onSelect={onSelect} onCentre={onCentre} onOpen={onOpen} />;
}

function KnownTerritory({ id, focus, lang, t, onTerritory, onSelect, onCentre, onOpen }: {
  id: string; focus: string | null; lang: Lang; t: Words;
  onTerritory: (id: string) => void; onSelect: (id: string | null) => void; onCentre: (id: string) => void;
  onOpen: (view: "lab" | "reach", id: string) => void;
}) {
  const place = useQuery<{ node: TerritoryRef | null }>(territoryQuery, { id });
  const code = place.status === "done" ? place.data.node?.code ?? null : null;
  const network = useQuery<{ scopeNetwork: ScopeNetwork }>(territoryNetworkQuery, code ? { code, first: territoryNetworkSize } : null);
  const analyses = useQuery<Analyses>(territoryAnalysesQuery, code ? { code } : null);

  return (
    <section className="territory" data-testid="territory-view" aria-labelledby="territory-title">
      <Status state={place} t={t} isEmpty={(d) => d.node === null}>
        {({ node }) => node && (
          <>
            <h2 id="territory-title">{t.territoryView.replace("{name}", node.name)} <small>({levelName(lang, node.level)})</small></h2>
            <Breadcrumb place={node} lang={lang} t={t} onTerritory={onTerritory} />
          </>
        )}
      </Status>
      <div className="missing" data-testid="territory-known">
        <p>{t.territoryIntro}</p>
        <Status state={network} t={t}>
          {({ scopeNetwork: n }) => (
            <div className="figures">
              <div className="figure" data-testid="territory-actors">
                <span className="value">{count(lang, n.actors, "actors")}</span>
                <span className="detail">{num(lang, n.isolated)} {t.linkedToNothing}</span>
                <ul className="chips">
                  {n.actorsByKind.map((k) => <li key={k.kind} className="chip">{kindName(lang, k.kind)}{t.colon} {num(lang, k.count)}</li>)}
                </ul>
              </div>
              <div className="figure" data-testid="territory-programmes">
                <span className="label">{t.programmesHere}</span>
                <span className="value">{count(lang, n.policies, "programmes")}</span>
              </div>
              <div className="figure" data-testid="territory-links">
                <span className="label">{t.linksHere}</span>
                <span className="value">{count(lang, n.links, "links")}</span>
              </div>
            </div>
          )}
        </Status>
        <p data-testid="territory-missing">{t.territoryMissing}</p>
      </div>
      {code && (
        <div className="lists">
          <TerritoryRanking within={code} lang={lang} t={t} onTerritory={onTerritory} />
          <Brokers state={analyses} lang={lang} t={t} onSelect={onSelect} />
          <Gaps state={analyses} lang={lang} t={t} onSelect={onSelect} />
        </div>
      )}
      <Status state={network} t={t}>
        {({ scopeNetwork: n }) => <TerritoryNetwork network={n} lang={lang} t={t} focus={focus} onSelect={onSelect} />}
      </Status>
      {focus && (
        <SidePanel id={focus} lang={lang} t={t} onClose={() => onSelect(null)} onExpand={onCentre} onSelect={onSelect} onCentre={onCentre} onOpen={onOpen} />
      )}
    </section>
  );
}

/** The territories above this one, each a way back up. */
function Breadcrumb({ place, lang, t, onTerritory }: { place: TerritoryRef; lang: Lang; t: Words; onTerritory: (id: string) => void }) {
  const above: TerritoryRef[] = [];
  for (let up = place.parent; up; up = up.parent) above.unshift(up);
  if (above.length === 0) return null;
  return (
    <nav className="breadcrumb" aria-label={t.upTo} data-testid="territory-breadcrumb">
      {t.upTo}{t.colon}{" "}
      {above.map((p, i) => (
        <span key={p.id}>
          {i > 0 && " › "}
          <button type="button" className="link" onClick={() => onTerritory(p.id)}>{p.name}</button> <small>({levelName(lang, p.level)})</small>
        </span>
      ))}
    </nav>
  );
}

/** The territories one level down that hold actors, most first; a single one at the top (the country) opens itself. */
function TerritoryRanking({ within, titled = true, lang, t, onTerritory }: {
  within: string | null; titled?: boolean; lang: Lang; t: Words; onTerritory: (id: string) => void;
}) {
  const ranking = useQuery<{ territoryRanking: TerritoryActors[] }>(territoryRankingQuery, { within });
  if (within === null && ranking.status === "done" && ranking.data.territoryRanking.length === 1) {
    return <TerritoryRanking within={ranking.data.territoryRanking[0]!.territory.code} titled={false} lang={lang} t={t} onTerritory={onTerritory} />;
  }
  if (within === null && ranking.status === "done" && ranking.data.territoryRanking.length === 0) {
    return <p className="status empty" data-testid="nothing-located">{t.nothingLocated}</p>;
  }
  return (
    <div>
      {titled && <h3>{t.within}</h3>}
      <p className="help">{t.whereKnownHelp}</p>
      <Status state={ranking} t={t} isEmpty={(d) => d.territoryRanking.length === 0}>
        {(d) => (
          <ol data-testid="territory-ranking">
            {d.territoryRanking.map((r) => (
              <li key={r.territory.id}>
                <button type="button" className="link" onClick={() => onTerritory(r.territory.id)}>{r.territory.name}</button>
                {" "}<small>{levelName(lang, r.territory.level)}, {count(lang, r.actors, "actors")}</small>
              </li>
            ))}
          </ol>
        )}
      </Status>
    </div>
  );
}

function Brokers({ state, lang, t, onSelect }: { state: ReturnType<typeof useQuery<Analyses>>; lang: Lang; t: Words; onSelect: (id: string) => void }) {
  return (
    <div>
      <h3>{t.brokersHere}</h3>
      <p className="help">{t.brokersHereHelp}</p>
      <Status state={state} t={t}>
        {(d) => {
          const brokers = d.brokers.filter((b) => b.betweenness > 0);
          return brokers.length === 0 ? <p className="status empty" data-testid="no-brokers">{t.noCooperationHere}</p> : (
            <ol data-testid="territory-brokers">
              {brokers.map((b) => (
                <li key={b.actor.id}>
                  <button type="button" className="link" onClick={() => onSelect(b.actor.id)}>{b.actor.name}</button>
                  {" "}<small>{kindName(lang, b.actor.kind ?? "")}, {t.betweenness} {num(lang, b.betweenness, 3)}</small>
                </li>
              ))}
            </ol>
          );
        }}
      </Status>
    </div>
  );
}

function Gaps({ state, lang, t, onSelect }: { state: ReturnType<typeof useQuery<Analyses>>; lang: Lang; t: Words; onSelect: (id: string) => void }) {
  return (
    <div>
      <h3>{t.gaps}</h3>
      <p className="help">{t.gapsHelp} {t.scoreHelp}</p>
      <Status state={state} t={t} isEmpty={(d) => d.cooperationGaps.nodes.length === 0}>
        {(d) => (
          <GapList gaps={d.cooperationGaps.nodes} lang={lang} t={t} testId="territory-gaps" onSelect={onSelect} />
        )}
      </Status>
    </div>
  );
}
