// The API key a manager signs in with. It lives in sessionStorage only: it goes when the tab closes, is never
// written to localStorage, the address bar or a cookie, and is sent only to this origin's API.

const slot = "coopgraph.key";

// Outside a browser (unit tests under Node) there is no session: no key.
const session = (): Storage | undefined => (typeof sessionStorage === "undefined" ? undefined : sessionStorage);

export function storedKey(storage: Storage | undefined = session()): string | null {
  const key = storage?.getItem(slot);
  return key && key.trim() !== "" ? key : null;
}

export function keepKey(key: string, storage: Storage | undefined = session()): void {
  storage?.setItem(slot, key.trim());
}

export function forgetKey(storage: Storage | undefined = session()): void {
  storage?.removeItem(slot);
}

/** The headers of an API call: the key, when signed in, as a bearer token. */
export function authorization(key: string | null): Record<string, string> {
  return key ? { Authorization: `Bearer ${key}` } : {};
}
