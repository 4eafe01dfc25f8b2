import { useEffect, useState } from "react";
import { ApiError, runQuery } from "../api/client";
import { legalForms, newPartnerId, parseSiren, partnerKinds, type NewPartner, type PartnerKind } from "./answers";
import { candidatesQuery, type Candidate, type CandidatesData } from "./queries";
import type { Words } from "./words";

interface Props {
  token: string;
  words: Words;
  /** Ids already among the answers, not proposed again. */
  chosen: Set<string>;
  onPick: (candidate: { id: string; name: string }) => void;
  onCreate: (partner: NewPartner) => void;
}

/** The type-ahead over the public actors the form proposes, and the "not found" form with its "did you mean". */
export function PartnerSearch({ token, words, chosen, onPick, onCreate }: Props) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<Candidate[] | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (text.trim().length < 2) {
      setFound(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      runQuery<CandidatesData>(candidatesQuery, { text }, abort.signal, undefined, token)
        .then((data) => setFound(data.surveyForm.candidates))
        .catch((error: unknown) => { if (error instanceof ApiError) setFound([]); });
    }, 250);
    return () => { clearTimeout(timer); abort.abort(); };
  }, [text, token]);

  const proposals = (found ?? []).filter((c) => !chosen.has(c.id));
  return (
    <div className="partner-search">
      <label>
        {words.search}
        <input type="search" data-testid="partner-search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </label>
      {found !== null && (
        <ul className="candidates" data-testid="candidates">
          {proposals.length === 0 && <li className="none">{words.noCandidate}</li>}
          {proposals.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => { onPick(c); setText(""); }}>
                {c.name} {c.siren ? <small>SIREN {c.siren}</small> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding
        ? <NewPartnerForm token={token} words={words} initialName={text} chosen={chosen}
            onPick={(c) => { onPick(c); setAdding(false); setText(""); }}
            onCreate={(p) => { onCreate(p); setAdding(false); setText(""); }}
            onCancel={() => setAdding(false)} />
        : <button type="button" className="link" data-testid="not-found" onClick={() => setAdding(true)}>{words.notFound}</button>}
    </div>
  );
}

interface NewProps {
  token: string;
  words: Words;
  initialName: string;
  chosen: Set<string>;
  onPick: (candidate: { id: string; name: string }) => void;
  onCreate: (partner: NewPartner) => void;
  onCancel: () => void;
}

function NewPartnerForm({ token, words, initialName, chosen, onPick, onCreate, onCancel }: NewProps) {
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<PartnerKind>("SSE_ACTOR");
  const [legalForm, setLegalForm] = useState("ASSOCIATION");
  const [commune, setCommune] = useState("");
  const [siren, setSiren] = useState("");
  const [similar, setSimilar] = useState<Candidate[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const partner = (): NewPartner | null => {
    const parsedSiren = kind === "SSE_ACTOR" ? parseSiren(siren) : null;
    if (name.trim() === "") { setProblem(words.required); return null; }
    if (parsedSiren === "invalid") { setProblem(words.invalidSiren); return null; }
    return { id: newPartnerId(), kind, name: name.trim(), legalForm, territoryCode: commune.trim() || undefined, siren: parsedSiren ?? undefined };
  };

  // Before creating, the actors of the same name (in the same commune when one is given) are proposed.
  const check = async () => {
    const p = partner();
    if (!p) return;
    setProblem(null);
    try {
      const data = await runQuery<CandidatesData>(candidatesQuery, { text: p.name, territoryCode: p.territoryCode ?? null }, undefined, undefined, token);
      const same = data.surveyForm.candidates.filter((c) => !chosen.has(c.id));
      if (same.length > 0) setSimilar(same);
      else onCreate(p);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <fieldset className="new-partner" data-testid="new-partner">
      <legend>{words.newPartner}</legend>
      <label>{words.name}<input value={name} data-testid="new-name" onChange={(e) => setName(e.target.value)} /></label>
      <label>{words.kind}
        <select value={kind} data-testid="new-kind" onChange={(e) => setKind(e.target.value as PartnerKind)}>
          {partnerKinds.map((k) => <option key={k} value={k}>{words.partnerKinds[k]}</option>)}
        </select>
      </label>
      {kind === "SSE_ACTOR" && (
        <label>{words.legalForm}
          <select value={legalForm} onChange={(e) => setLegalForm(e.target.value)}>
            {legalForms.map((f) => <option key={f} value={f}>{words.legalForms[f]}</option>)}
          </select>
        </label>
      )}
      <label>{words.commune}<input value={commune} inputMode="numeric" data-testid="new-commune" onChange={(e) => setCommune(e.target.value)} /></label>
      {kind === "SSE_ACTOR" && <label>{words.siren}<input value={siren} inputMode="numeric" onChange={(e) => setSiren(e.target.value)} /></label>}
      {problem && <p role="alert" className="problem">{problem}</p>}
      {similar ? (
        <div className="did-you-mean" data-testid="did-you-mean">
          <p>{words.didYouMean}</p>
          <ul>
            {similar.map((c) => (
              <li key={c.id}><button type="button" onClick={() => onPick(c)}>{words.useThis} : {c.name}</button></li>
            ))}
          </ul>
          <button type="button" data-testid="create-anyway" onClick={() => { const p = partner(); if (p) onCreate(p); }}>{words.createAnyway}</button>
        </div>
      ) : (
        <div className="row">
          <button type="button" data-testid="add-partner" onClick={() => void check()}>{words.add}</button>
          <button type="button" onClick={onCancel}>{words.cancel}</button>
        </div>
      )}
    </fieldset>
  );
}
