// A manager's cooperation surveys, for a key bound to the authority (or an administrator): first the authority's
// directions and services (typed, or a CSV uploaded from the template), then surveys — create one and get each
// service's link once, follow who has answered, reciprocity, what changed since the previous survey, close it — and
// the switch that puts the dashboard on a survey's links.
import { useState, type FormEvent } from "react";
import { ApiError, runQuery } from "../api/client";
import { addServiceMutation, closeSurveyMutation, createSurveyMutation, surveysQuery, surveyTrendQuery } from "../api/queries";
import { authorization, storedKey } from "../api/session";
import { allDomains, domainName, percent, type Lang, type Words } from "../logic/i18n";
import { downloadCsv } from "../logic/download";
import { count, num } from "../logic/format";
import { invitationsCsv, serviceId, serviceTemplate } from "../logic/surveyTemplate";
import type { ViewState } from "../logic/viewState";
import { Status } from "./Status";
import { useQuery } from "./useQuery";

interface SurveySummary {
  id: string;
  title: string;
  status: "OPEN" | "CLOSED";
  opensOn: string;
  closesOn: string | null;
  invited: number;
  answered: number;
  responseRate: number;
  reciprocity: number | null;
  respondents: { service: { id: string; name: string }; answeredAt: string | null; declared: number }[];
  changes: { previous: { id: string; title: string }; appeared: Pair[]; noLongerDeclared: Pair[] } | null;
}

interface SurveysData {
  viewer: { canWrite: boolean; seesEverything: boolean; authority: { id: string } | null };
  actor: { services?: ServiceRow[] } | null;
  surveys: SurveySummary[];
}

interface Invitation { service: { id: string; name: string }; url: string }

interface Pair { source: { name: string }; target: { name: string } }

interface ThenNow { then: { linkShare: number; serviceLinks: number }; now: { linkShare: number; serviceLinks: number } }

interface ServiceRow { id: string; name: string; domain: string; direction: { id: string } | null }

export function Surveys({ authority, state, lang, t, update }: {
  authority: string;
  state: ViewState;
  lang: Lang;
  t: Words;
  update: (change: Partial<ViewState>) => void;
}) {
  const [version, setVersion] = useState(0);
  const data = useQuery<SurveysData>(surveysQuery, storedKey() ? { id: authority, version } : null);
  const refresh = () => setVersion((v) => v + 1);
  if (data.status === "idle") return null;
  if (data.status === "done") {
    const v = data.data.viewer;
    if (!v.seesEverything && v.authority?.id !== authority) return null;
  }
  return (
    <section className="surveys" aria-labelledby="surveys-title" data-testid="surveys">
      <h2 id="surveys-title">{t.surveys}</h2>
      <p className="help">{t.surveysHelp}</p>
      <Status state={data} t={t}>
        {(d) => (
          <>
            <Services authority={authority} services={d.actor?.services ?? []} canWrite={d.viewer.canWrite} lang={lang} t={t} onChange={refresh} />
            {d.viewer.canWrite && (d.actor?.services?.length ?? 0) > 0 && <NewSurvey authority={authority} lang={lang} t={t} onCreated={refresh} />}
            <ul className="survey-list">
              {d.surveys.map((s) => (
                <SurveyItem key={s.id} authority={authority} survey={s} state={state} lang={lang} t={t} canWrite={d.viewer.canWrite} update={update} onChange={refresh} />
              ))}
            </ul>
          </>
        )}
      </Status>
    </section>
  );
}

function Services({ authority, services, canWrite, lang, t, onChange }: {
  authority: string; services: ServiceRow[]; canWrite: boolean; lang: Lang; t: Words; onChange: () => void;
}) {
  const [name, setName] = useState("");
  const [domain, setDomain] = useState("SOCIAL");
  const [direction, setDirection] = useState("");
  const nameOf = new Map(services.map((s) => [s.id, s.name]));
  const [message, setMessage] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const r = await runQuery<{ upsertActors: { errors: { message: string }[] } }>(addServiceMutation, {
        input: [{ id: serviceId(authority, name), kind: "SERVICE", name: name.trim(), domain, authorityId: authority, directionId: direction || null }],
      });
      if (r.upsertActors.errors.length > 0) setMessage(r.upsertActors.errors.map((e) => e.message).join(" "));
      else { setName(""); setMessage(null); onChange(); }
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  const upload = async (file: File) => {
    try {
      const response = await fetch("/api/import", {
        method: "POST", body: await file.text(), headers: { "Content-Type": "text/csv", ...authorization(storedKey()) },
      });
      const report = (await response.json()) as { nodesWritten?: number; rejected?: number; message?: string; errors?: { message: string }[] };
      if (!response.ok) throw new ApiError(report.errors?.[0]?.message ?? response.statusText, `HTTP_${response.status}`, response.status);
      setMessage(`${t.imported}: ${report.nodesWritten ?? 0} · ${report.rejected ?? 0} ${t.refusedRows}`);
      onChange();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="survey-services" data-testid="authority-services">
      <h3>{t.servicesTitle} ({services.length})</h3>
      <p className="help">{t.servicesHelp}</p>
      {services.length === 0 ? <p>{t.noServices}</p> : (
        <details>
          <summary>{services.map((s) => s.name).slice(0, 3).join(", ")}{services.length > 3 ? "…" : ""}</summary>
          <ul>
            {services.map((s) => (
              <li key={s.id}>
                {s.direction && nameOf.has(s.direction.id) ? <>{nameOf.get(s.direction.id)} › </> : null}{s.name} <small>{domainName(lang, s.domain)}</small>
              </li>
            ))}
          </ul>
        </details>
      )}
      {canWrite && (
        <>
          <form className="inline-form" onSubmit={(e) => void add(e)}>
            <label>{t.serviceName}<input value={name} data-testid="service-name" onChange={(e) => setName(e.target.value)} /></label>
            <label>{t.serviceDomain}
              <select value={domain} onChange={(e) => setDomain(e.target.value)}>
                {allDomains.map((d) => <option key={d} value={d}>{domainName(lang, d)}</option>)}
              </select>
            </label>
            <label>{t.parentDirection}
              <select value={direction} onChange={(e) => setDirection(e.target.value)} data-testid="service-direction">
                <option value="">{t.noDirection}</option>
                {services.filter((s) => !s.direction).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </label>
            <button type="submit" disabled={name.trim() === ""}>{t.addService}</button>
          </form>
          <p className="row">
            <button type="button" className="link" onClick={() => downloadCsv("services.csv", serviceTemplate(authority))}>{t.template}</button>
            <label className="upload">{t.upload}<input type="file" accept=".csv,text/csv" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); }} /></label>
          </p>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

function NewSurvey({ authority, lang, t, onCreated }: { authority: string; lang: Lang; t: Words; onCreated: () => void }) {
  const [title, setTitle] = useState("");
  const [closesOn, setClosesOn] = useState("");
  const [invitations, setInvitations] = useState<Invitation[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const r = await runQuery<{ createSurvey: { invitations: Invitation[]; errors: { message: string }[] } }>(createSurveyMutation, {
        input: { authorityId: authority, title: title.trim(), closesOn: closesOn || null },
      });
      if (r.createSurvey.errors.length > 0) { setProblem(r.createSurvey.errors.map((e) => e.message).join(" ")); return; }
      setProblem(null);
      setTitle("");
      setInvitations(r.createSurvey.invitations);
      onCreated();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="new-survey">
      <h3>{t.newSurvey}</h3>
      <form className="inline-form" onSubmit={(e) => void create(e)} data-testid="new-survey">
        <label>{t.surveyTitle}<input value={title} data-testid="survey-title" onChange={(e) => setTitle(e.target.value)} /></label>
        <label>{t.closesOn}<input type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} /></label>
        <button type="submit" disabled={title.trim() === ""}>{t.createSurvey}</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {invitations && (
        <div className="invitations" data-testid="invitations">
          <p>{t.invitationsOnce}</p>
          <button type="button" onClick={() => downloadCsv("invitations.csv", invitationsCsv(lang, invitations))}>{t.downloadLinks}</button>
          <table>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.service.id}><td>{i.service.name}</td><td><a href={i.url} target="_blank" rel="noreferrer">{i.url}</a></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** What changed since the previous survey: the pairs, and the transversal share then and now, each on its survey's links. */
function Changes({ authority, survey, changes, lang, t }: {
  authority: string; survey: SurveySummary; changes: NonNullable<SurveySummary["changes"]>; lang: Lang; t: Words;
}) {
  const trend = useQuery<ThenNow>(surveyTrendQuery, { id: authority, then: changes.previous.id, now: survey.id });
  const pairs = (list: Pair[]) => list.map((p) => `${p.source.name} – ${p.target.name}`);
  return (
    <div className="figure">
      <span className="label">{t.sincePrevious} « {changes.previous.title} »</span>
      {trend.status === "done" && (
        <span className="value" data-testid="survey-then-now">{percent(lang, trend.data.then.linkShare)} → {percent(lang, trend.data.now.linkShare)}</span>
      )}
      <span className="detail" data-testid="survey-changes">+{count(lang, changes.appeared.length, "newPairs")}, −{count(lang, changes.noLongerDeclared.length, "noLongerDeclared")}</span>
      {changes.appeared.length + changes.noLongerDeclared.length > 0 && (
        <details>
          <summary>{t.whichPairs}</summary>
          <ul>
            {pairs(changes.appeared).map((p) => <li key={`+${p}`}>+ {p}</li>)}
            {pairs(changes.noLongerDeclared).map((p) => <li key={`-${p}`}>− {p}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}

function SurveyItem({ authority, survey: s, state, lang, t, canWrite, update, onChange }: {
  authority: string; survey: SurveySummary; state: ViewState; lang: Lang; t: Words; canWrite: boolean; update: (change: Partial<ViewState>) => void; onChange: () => void;
}) {
  const mode = state.survey !== s.id ? "all" : state.confirmed ? "confirmed" : "survey";
  const close = async () => {
    await runQuery(closeSurveyMutation, { id: s.id });
    onChange();
  };
  return (
    <li className="survey" data-testid="survey" data-survey={s.id}>
      <h3>{s.title} <small>({s.status === "OPEN" ? t.open : t.closed}, {s.opensOn}{s.closesOn ? ` → ${s.closesOn}` : ""})</small></h3>
      <div className="figures">
        <div className="figure">
          <span className="label">{t.responseRate}</span>
          <span className="value" data-testid="response-rate">{percent(lang, s.responseRate)}</span>
          <span className="detail">{num(lang, s.answered)} {t.of} {num(lang, s.invited)} {t.answered}</span>
        </div>
        <div className="figure">
          <span className="label">{t.reciprocity}</span>
          <span className="value" data-testid="reciprocity">{s.reciprocity === null ? "—" : percent(lang, s.reciprocity)}</span>
          <span className="detail">{t.reciprocityHelp}</span>
        </div>
        {s.changes && <Changes authority={authority} survey={s} changes={s.changes} lang={lang} t={t} />}
      </div>
      <details>
        <summary>{t.respondents}</summary>
        <ul className="respondents">
          {s.respondents.map((r) => (
            <li key={r.service.id}>{r.service.name} — {r.answeredAt ? count(lang, r.declared, "partnersDeclared") : t.notYet}</li>
          ))}
        </ul>
      </details>
      <fieldset className="dashboard-on">
        <legend>{t.dashboardOn}</legend>
        {(["all", "survey", "confirmed"] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`on-${s.id}`} checked={mode === m} data-testid={`dashboard-${m}`}
              onChange={() => update(m === "all" ? { survey: null, confirmed: false } : { survey: s.id, confirmed: m === "confirmed" })} />
            {m === "all" ? t.allLinks : m === "survey" ? t.surveyLinks : t.confirmedLinks}
          </label>
        ))}
      </fieldset>
      {canWrite && s.status === "OPEN" && <button type="button" onClick={() => void close()}>{t.closeSurvey}</button>}
    </li>
  );
}
