import { useEffect, useMemo, useState } from "react";
import { ApiError, runQuery } from "../api/client";
import {
  answerFor, clearDraft, cooperationKinds, draftKey, fromServer, loadDraft, parseYear, saveDraft, toInput, tokenOf,
  type Answer, type CooperationKind,
} from "./answers";
import { PartnerSearch } from "./PartnerSearch";
import { answerMutation, formQuery, type AnswerData, type FormData } from "./queries";
import { initialLang, words as allWords, type Lang } from "./words";

type Form = FormData["surveyForm"];
type Load = { state: "loading" } | { state: "ready"; form: Form } | { state: "closed" } | { state: "bad-link" } | { state: "failed"; message: string };

const storage = (): Storage | undefined => (typeof localStorage === "undefined" ? undefined : localStorage);

/** A respondent's page: no sign-in, the invitation token in the address is the credential. */
export function SurveyPage() {
  const token = tokenOf(window.location.pathname);
  const [lang, setLang] = useState<Lang>(() => initialLang(navigator.languages ?? [navigator.language]));
  const w = allWords[lang];
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [restored, setRestored] = useState(false);
  const [filter, setFilter] = useState("");
  const [status, setStatus] = useState<{ kind: "sent" | "error" | "draft"; text: string } | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => { document.documentElement.lang = lang; }, [lang]);

  const reload = async () => {
    if (!token) { setLoad({ state: "bad-link" }); return; }
    try {
      const data = await runQuery<FormData>(formQuery, {}, undefined, undefined, token);
      const form = data.surveyForm;
      const draft = loadDraft(storage(), draftKey(form.survey.id, form.service.id));
      setAnswers(draft ?? fromServer(form.answers));
      setRestored(draft !== null);
      setLoad({ state: "ready", form });
    } catch (error) {
      if (error instanceof ApiError && error.code === "SURVEY_CLOSED") setLoad({ state: "closed" });
      else if (error instanceof ApiError && (error.status === 401 || error.code === "UNAUTHENTICATED")) setLoad({ state: "bad-link" });
      else setLoad({ state: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };
  // Loaded once: the token does not change while the page is open.
  useEffect(() => { void reload(); }, []);

  const form = load.state === "ready" ? load.form : null;
  const key = form ? draftKey(form.survey.id, form.service.id) : null;
  const change = (next: Answer[]) => {
    setAnswers(next);
    if (key) {
      saveDraft(storage(), key, next);
      setStatus({ kind: "draft", text: w.draft });
    }
  };
  const chosen = useMemo(() => new Set(answers.map((a) => a.partnerId)), [answers]);
  const thisYear = new Date().getFullYear();

  const submit = async () => {
    if (!form || !key || !token) return;
    if (answers.some((a) => a.sinceYear !== null && (a.sinceYear < 1900 || a.sinceYear > thisYear))) {
      setStatus({ kind: "error", text: w.invalidYear });
      return;
    }
    setSending(true);
    try {
      const data = await runQuery<AnswerData>(answerMutation, { input: answers.map(toInput) }, undefined, undefined, token);
      const errors = data.answerSurvey.errors;
      if (errors.length > 0) {
        setStatus({ kind: "error", text: `${w.error} : ${errors.map((e) => e.message).join(" ")}` });
      } else {
        clearDraft(storage(), key);
        await reload();
        setRestored(false);
        setStatus({ kind: "sent", text: w.sent });
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === "SURVEY_CLOSED") setLoad({ state: "closed" });
      else setStatus({ kind: "error", text: `${w.error} : ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setSending(false);
    }
  };

  const header = (
    <header>
      <h1>{form ? form.survey.title : "CoopGraph"}</h1>
      <div className="lang" role="group" aria-label={w.language}>
        {(["fr", "en"] as const).map((l) => (
          <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)}>{l.toUpperCase()}</button>
        ))}
      </div>
    </header>
  );
  if (!form) {
    const text = load.state === "closed" ? w.closed : load.state === "bad-link" ? w.badLink : load.state === "failed" ? `${w.error} : ${load.message}` : w.loading;
    return <>{header}<main><p role={load.state === "loading" ? "status" : "alert"} data-testid="survey-state">{text}</p></main></>;
  }

  // A group shows when its direction's name or one of its services' names matches the filter.
  const wanted = filter.trim().toLowerCase();
  const groups = form.colleagueGroups
    .map((g) => ({ ...g, services: g.direction?.name.toLowerCase().includes(wanted) ? g.services : g.services.filter((s) => s.name.toLowerCase().includes(wanted)) }))
    .filter((g) => g.services.length > 0);
  const toggle = (id: string, name: string) =>
    change(chosen.has(id) ? answers.filter((a) => a.partnerId !== id) : [...answers, answerFor(id, name)]);
  const update = (id: string, patch: Partial<Answer>) => change(answers.map((a) => (a.partnerId === id ? { ...a, ...patch } : a)));

  return (
    <>
      {header}
      <main>
        <p className="who">
          {w.asService} <strong data-testid="service-name">{form.service.name}</strong> — {form.survey.authority.name}
          {form.survey.closesOn && <> · {w.closes} {new Date(form.survey.closesOn).toLocaleDateString(lang === "fr" ? "fr-FR" : "en-GB")}</>}
        </p>
        <p className="help">{w.intro}</p>
        {restored && <p className="note">{w.draftRestored}</p>}

        <section aria-labelledby="colleagues">
          <h2 id="colleagues">{w.colleagues}</h2>
          <label className="filter">{w.filter}<input type="search" data-testid="colleague-filter" value={filter} onChange={(e) => setFilter(e.target.value)} /></label>
          <div className="checklist" data-testid="colleagues">
            {groups.length === 0 && <p>{w.noColleague}</p>}
            {groups.map((g) => (
              <fieldset key={g.direction?.id ?? ""} className="direction">
                <legend>{g.direction?.name ?? w.otherServices}</legend>
                {g.services.map((c) => (
                  <label key={c.id}><input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id, c.name)} /> {c.name}</label>
                ))}
              </fieldset>
            ))}
          </div>
        </section>

        <section aria-labelledby="partners">
          <h2 id="partners">{w.partners}</h2>
          <p className="help">{w.partnersHelp}</p>
          <PartnerSearch token={token!} words={w} chosen={chosen}
            onPick={(c) => change([...answers, answerFor(c.id, c.name)])}
            onCreate={(p) => change([...answers, answerFor(p.id, p.name, p)])} />
        </section>

        <section aria-labelledby="answers">
          <h2 id="answers">{w.yourAnswers} ({answers.length})</h2>
          {answers.length === 0 && <p>{w.none}</p>}
          <ol className="answers" data-testid="answers">
            {answers.map((a) => (
              <li key={a.partnerId} data-partner={a.partnerId}>
                <h3>{a.name}</h3>
                <label>{w.cooperation}
                  <select value={a.kind} onChange={(e) => update(a.partnerId, { kind: e.target.value as CooperationKind })}>
                    {cooperationKinds.map((k) => <option key={k} value={k}>{w.kinds[k]}</option>)}
                  </select>
                </label>
                <label>{w.frequency}
                  <select value={a.intensity} data-testid="frequency" onChange={(e) => update(a.partnerId, { intensity: Number(e.target.value) })}>
                    {w.frequencies.map((f, i) => <option key={f} value={i + 1}>{f}</option>)}
                  </select>
                </label>
                <label>{w.since}
                  <input inputMode="numeric" maxLength={4} defaultValue={a.sinceYear ?? ""} onChange={(e) => {
                    const year = parseYear(e.target.value, thisYear);
                    e.target.setCustomValidity(year === "invalid" ? w.invalidYear : "");
                    if (year !== "invalid") update(a.partnerId, { sinceYear: year });
                  }} />
                </label>
                {form.themes.length > 0 && (
                  <details>
                    <summary>{w.themes} ({a.themeIds.length})</summary>
                    {form.themes.map((t) => (
                      <label key={t.id} className="theme">
                        <input type="checkbox" checked={a.themeIds.includes(t.id)} onChange={() => update(a.partnerId, {
                          themeIds: a.themeIds.includes(t.id) ? a.themeIds.filter((x) => x !== t.id) : [...a.themeIds, t.id],
                        })} /> {t.name}
                      </label>
                    ))}
                  </details>
                )}
                <button type="button" className="link" onClick={() => change(answers.filter((x) => x.partnerId !== a.partnerId))}>{w.remove}</button>
              </li>
            ))}
          </ol>
        </section>

        <div className="submit">
          <button type="button" data-testid="submit" disabled={sending} onClick={() => void submit()}>{sending ? w.sending : w.submit}</button>
          {status && <p role={status.kind === "error" ? "alert" : "status"} data-testid="survey-status" className={status.kind}>{status.text}</p>}
        </div>
      </main>
    </>
  );
}
