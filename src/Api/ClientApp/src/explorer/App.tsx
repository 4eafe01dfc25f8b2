// The explorer page: pick an authority (or start from the most cooperative one), read its dashboard,
// explore its network. The address bar holds the view (viewState.ts), so any view can be shared.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { authoritySearchQuery, gapsQuery, overviewQuery, territorySearchQuery } from "../api/queries";
import type { AuthorityRank } from "../api/types";
import { count } from "../logic/format";
import { levelName, words, type Lang } from "../logic/i18n";
import { readState, writeState, type ViewState } from "../logic/viewState";
import { Dashboard, type GapsData } from "./Dashboard";
import { NetworkView } from "./NetworkView";
import { actorSearch, SearchBox } from "./SearchBox";
import { SignIn } from "./SignIn";
import { Status } from "./Status";
import { Surveys } from "./Surveys";
import { LabView } from "./LabView";
import { ReachView } from "./ReachView";
import { SidePanel } from "./SidePanel";
import { TerritoryView } from "./TerritoryView";
import { useQuery } from "./useQuery";
import { useGraphUpdates } from "./useGraphUpdates";

// An actor's own network shows no gaps: the gaps are the authority's.
const idle = { status: "idle" } as const;

const storedLang = (): Lang => (localStorage.getItem("coopgraph.lang") === "fr" ? "fr" : navigator.language.startsWith("fr") ? "fr" : "en");

const views: (keyof ViewState)[] = ["authority", "territory", "lab", "reach", "root", "focus", "from", "to", "survey"];

/** Whether going from one state to the other changes what is viewed (a history entry), not only how. */
export function navigates(from: ViewState, to: ViewState): boolean {
  return views.some((key) => from[key] !== to[key]);
}

export function App() {
  const [state, setState] = useState<ViewState>(() => readState(window.location.search, storedLang()));
  const t = words[state.lang];

  // A change of what is viewed (authority, centred or selected node, path, survey) is a new history entry, so that Back
  // and Forward move between views; display choices (colours, filters, year, language) replace the current one.
  // The current state outside React's updaters, which must stay free of side effects such as history entries.
  const current = useRef(state);
  current.current = state;
  const update = useCallback((change: Partial<ViewState>) => {
    const before = current.current;
    const next = { ...before, ...change };
    const address = window.location.pathname + writeState(next);
    if (navigates(before, next)) window.history.pushState(null, "", address);
    else window.history.replaceState(null, "", address);
    current.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    const back = () => setState(readState(window.location.search, current.current.lang));
    window.addEventListener("popstate", back);
    return () => window.removeEventListener("popstate", back);
  }, []);

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = t.title;
    localStorage.setItem("coopgraph.lang", state.lang);
  }, [state.lang, t.title]);

  // The open views reload when the graph changes (another tab, a partner tool, an import).
  const updates = useGraphUpdates();
  const overview = useQuery<{ authorityRanking: AuthorityRank[] }>(overviewQuery, {}, updates.refresh);
  const top = overview.status === "done" ? overview.data.authorityRanking[0]?.authority.id ?? null : null;
  // A graph where no authority's services cooperate (open data alone) opens on what is known, territory by territory:
  // an authority's dashboard there could only say that nothing is known.
  const noServices = overview.status === "done" && overview.data.authorityRanking.every((r) => r.serviceLinks === 0);
  // A lab's balance or a policy's reach is a page of its own, opened from a node's panel; Back returns where it was opened.
  const practiceView = state.lab !== null || state.reach !== null;
  const territoryView = !practiceView && (state.territory !== null || (state.authority === null && state.root === null && noServices));
  const authority = territoryView || practiceView ? null : state.authority ?? (noServices ? null : top);
  const open = (view: "lab" | "reach", id: string) => update({ lab: view === "lab" ? id : null, reach: view === "reach" ? id : null, focus: null });
  const asOf = state.year === null ? null : `${state.year}-12-31`;
  const gaps = useQuery<GapsData>(gapsQuery, authority ? { id: authority, asOf } : null, updates.refresh);
  const searchTerritories = useMemo(
    () => actorSearch(territorySearchQuery, (n) => [n.level ? levelName(state.lang, n.level) : null, n.parent?.name].filter(Boolean).join(" · "), "territories"),
    [state.lang],
  );
  const searchAuthorities = useMemo(
    () => actorSearch(authoritySearchQuery, (n) => [n.level ? levelName(state.lang, n.level) : null, n.territory?.name].filter(Boolean).join(" · ")),
    [state.lang],
  );

  return (
    <>
      {/* Pages without a network (a lab, a policy's spread) have nowhere to skip to. */}
      {!practiceView && <a className="skip" href="#network" data-testid="skip-to-network">{t.skipToNetwork}</a>}
      <header>
        <div>
          <h1>{t.title}</h1>
          <p className="tagline">{t.tagline}</p>
        </div>
        <nav>
          <SignIn t={t} />
          <a href="/graphql">{t.graphiql}</a>
          <span role="group" aria-label={t.language} className="lang">
            {(["en", "fr"] as const).map((l) => (
              <button key={l} type="button" aria-pressed={state.lang === l} onClick={() => update({ lang: l })} data-testid={`lang-${l}`}>
                {l.toUpperCase()}
              </button>
            ))}
          </span>
        </nav>
      </header>
      <main>
        <section className="picker">
          <SearchBox
            label={t.pickAuthority} placeholder={t.pickPlaceholder} noMatch={t.noMatch} search={searchAuthorities} testId="authority-picker"
            onPick={(c) => update({ authority: c.id, territory: null, root: null, focus: null, from: null, to: null, domains: [], survey: null, confirmed: false })}
          />
          <SearchBox
            label={t.pickTerritory} placeholder={t.territoryPlaceholder} noMatch={t.noTerritoryMatch} search={searchTerritories} testId="territory-picker"
            onPick={(c) => update({ territory: c.id, authority: null, root: null, focus: null, from: null, to: null, survey: null, confirmed: false })}
          />
          <Status state={overview} t={t} isEmpty={(d) => d.authorityRanking.length === 0}>
            {(d) => (
              <div className="ranking">
                {!state.authority && <p className="overview-note">{t.overview}</p>}
                <span>{t.mostCooperative}{t.colon}</span>
                <ul data-testid="ranking">
                  {d.authorityRanking.map((r) => (
                    <li key={r.authority.id}>
                      <button type="button" className="link" aria-current={r.authority.id === authority} onClick={() => update({ authority: r.authority.id, territory: null, root: null, focus: null, survey: null, confirmed: false })}>
                        {r.authority.name}
                      </button>{" "}
                      <small>{count(state.lang, r.services, "services")}, {count(state.lang, r.serviceLinks, "serviceLinks")}</small>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Status>
        </section>
        {practiceView ? (
          <>
            {state.lab && <LabView id={state.lab} lang={state.lang} t={t} onSelect={(id) => update({ focus: id })} />}
            {state.reach && <ReachView id={state.reach} lang={state.lang} t={t} onSelect={(id) => update({ focus: id })} />}
            {state.focus && (
              <SidePanel id={state.focus} lang={state.lang} t={t} onClose={() => update({ focus: null })} onOpen={open}
                onExpand={(id) => update({ lab: null, reach: null, root: id, focus: null })} onSelect={(id) => update({ focus: id })}
                onCentre={(id) => update({ lab: null, reach: null, root: id, focus: null })} />
            )}
          </>
        ) : territoryView ? (
          <TerritoryView
            territory={state.territory} focus={state.focus} lang={state.lang} t={t}
            onTerritory={(id) => update({ territory: id, focus: null })}
            onSelect={(id) => update({ focus: id })}
            // Centring on a node leaves the territory for that node's own network (an authority's, when it is one).
            onCentre={(id) => update({ territory: null, root: id, focus: null })}
            onOpen={open}
          />
        ) : authority ? (
          <>
            <Surveys authority={authority} state={state} lang={state.lang} t={t} update={update} />
            <Dashboard authority={authority} asOf={asOf} survey={state.survey} confirmed={state.confirmed} gaps={gaps} lang={state.lang} t={t} onSelect={(id) => update({ focus: id })} updates={updates} />
            <NetworkView root={state.root ?? authority} state={state} gaps={state.root ? idle : gaps} lang={state.lang} t={t} update={update} />
          </>
        ) : state.root ? (
          <NetworkView root={state.root} state={state} gaps={idle} lang={state.lang} t={t} update={update} />
        ) : (
          overview.status === "done" && <p className="status empty">{t.noAuthority}</p>
        )}
        <p className="help share">{t.shareLink}</p>
      </main>
    </>
  );
}
