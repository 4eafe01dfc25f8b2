// Signing in with an API key: the key stays in this tab's sessionStorage (session.ts) and goes with every call as
// a bearer token. The header then says whose private data the page shows; signing out forgets the key. Either way
// the page reloads, so that every view is read again as the new viewer.
import { useEffect, useState, type FormEvent } from "react";
import { ApiError, runQuery } from "../api/client";
import { viewerQuery } from "../api/queries";
import { forgetKey, keepKey, storedKey } from "../api/session";
import type { Words } from "../logic/i18n";

interface ViewerData {
  viewer: { keyName: string | null; seesEverything: boolean; authority: { id: string; name: string } | null };
}

export function SignIn({ t, reload = () => window.location.reload() }: { t: Words; reload?: () => void }) {
  const [key] = useState(storedKey);
  const [viewer, setViewer] = useState<ViewerData["viewer"] | null>(null);
  const [typed, setTyped] = useState("");
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    runQuery<ViewerData>(viewerQuery, {}, controller.signal)
      .then((d) => setViewer(d.viewer))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        // A key revoked since: forget it and read as everyone does.
        forgetKey();
        setRefused(e instanceof ApiError ? e.message : String(e));
      });
    return () => controller.abort();
  }, [key]);

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await runQuery<ViewerData>(viewerQuery, {}, undefined, undefined, typed.trim());
      keepKey(typed);
      reload();
    } catch (e) {
      setRefused(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (key && !refused) {
    const whose = viewer === null ? "…"
      : viewer.seesEverything ? t.everyAuthority
      : viewer.authority ? `${t.privateDataOf} ${viewer.authority.name}`
      : t.publicOnlyKey;
    return (
      <span className="session" data-testid="session">
        <span data-testid="viewer">{whose}</span>
        <button type="button" onClick={() => { forgetKey(); reload(); }} data-testid="sign-out">{t.signOut}</button>
      </span>
    );
  }
  return (
    <form className="session" onSubmit={signIn} data-testid="sign-in">
      <span data-testid="viewer">{t.publicData}</span>
      <label>
        {t.keyLabel}{" "}
        <input type="password" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="key" />
      </label>
      <button type="submit" disabled={typed.trim() === ""}>{t.signIn}</button>
      {refused && <span role="alert" className="refused">{t.keyRefused}{t.colon} {refused}</span>}
    </form>
  );
}
