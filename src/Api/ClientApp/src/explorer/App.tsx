// The explorer page: pick an authority (or start from the most cooperative one), read its dashboard,
// explore its network. The address bar holds the view (viewState.ts), so any view can be shared.
import { useCallback, useEffect, useMemo, useState } from "react";
import { authoritySearchQuery, gapsQuery, overviewQuery } from "../api/queries";
import type { AuthorityRank } from "../api/types";
import { words, type Lang } from "../logic/i18n";
import { readState, writeState, type ViewState } from "../logic/viewState";
import { Dashboard, type GapsData } from "./Dashboard";
import { NetworkView } from "./NetworkView";
import { actorSearch, SearchBox } from "./SearchBox";
import { SignIn } from "./SignIn";
import { Status } from "./Status";
import { Surveys } from "./Surveys";
import { useQuery } from "./useQuery";

// An actor's own network shows no gaps: the gaps are the authority's.
const idle = { status: "idle" } as const;

const storedLang = (): Lang => (localStorage.getItem("coopgraph.lang") === "fr" ? "fr" : navigator.language.startsWith("fr") ? "fr" : "en");

export function App() {
  const [state, setState] = useState<ViewState>(() => readState(window.location.search, storedLang()));
  const t = words[state.lang];

  const update = useCallback((change: Partial<ViewState>) => {
    setState((s) => {
      const next = { ...s, ...change };
      window.history.replaceState(null, "", window.location.pathname + writeState(next));
      return next;
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = state.lang;
    document.title = t.title;
    localStorage.setItem("coopgraph.lang", state.lang);
  }, [state.lang, t.title]);

  const overview = useQuery<{ authorityRanking: AuthorityRank[] }>(overviewQuery, {});
  const top = overview.status === "done" ? overview.data.authorityRanking[0]?.authority.id ?? null : null;
  const authority = state.authority ?? top;
  const asOf = state.year === null ? null : `${state.year}-12-31`;
  const gaps = useQuery<GapsData>(gapsQuery, authority ? { id: authority, asOf } : null);
  const searchAuthorities = useMemo(
    () => actorSearch(authoritySearchQuery, (n) => [n.level, n.territory?.name].filter(Boolean).join(" · ")),
    [],
  );

  return (
    <>
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
            onPick={(c) => update({ authority: c.id, root: null, focus: null, from: null, to: null, domains: [], survey: null, confirmed: false })}
          />
          <Status state={overview} t={t} isEmpty={(d) => d.authorityRanking.length === 0}>
            {(d) => (
              <div className="ranking">
                {!state.authority && <p className="overview-note">{t.overview}</p>}
                <span>{t.mostCooperative}:</span>
                <ul data-testid="ranking">
                  {d.authorityRanking.map((r) => (
                    <li key={r.authority.id}>
                      <button type="button" className="link" aria-current={r.authority.id === authority} onClick={() => update({ authority: r.authority.id, root: null, focus: null, survey: null, confirmed: false })}>
                        {r.authority.name}
                      </button>{" "}
                      <small>{r.services} {t.services}, {r.serviceLinks} {t.serviceLinks}</small>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Status>
        </section>
        {authority ? (
          <>
            <Surveys authority={authority} state={state} lang={state.lang} t={t} update={update} />
            <Dashboard authority={authority} asOf={asOf} survey={state.survey} confirmed={state.confirmed} gaps={gaps} lang={state.lang} t={t} onSelect={(id) => update({ focus: id })} />
            <NetworkView root={state.root ?? authority} state={state} gaps={state.root ? idle : gaps} lang={state.lang} t={t} update={update} />
          </>
        ) : (
          overview.status === "done" && <p className="status empty">{t.noAuthority}</p>
        )}
        <p className="help share">{t.shareLink}</p>
      </main>
    </>
  );
}
