// What the address bar holds, so that a view can be shared: the authority, the focused node, the
// display choices and a path's ends. Unknown or malformed values fall back to the defaults.
import type { Lang } from "./i18n";
import { allDomains, allLinkTypes } from "./i18n";

export interface ViewState {
  authority: string | null;
  /** A territory's id: its view of what the open data knows there, instead of an authority's dashboard. */
  territory: string | null;
  /** An innovation lab whose two feet (inside, outside) are shown. */
  lab: string | null;
  /** A policy (or service) whose spread among its authority's establishments is shown. */
  reach: string | null;
  /** The node whose neighbourhood the network shows instead of the authority's services. */
  root: string | null;
  focus: string | null;
  colour: "domain" | "kind";
  gaps: boolean;
  year: number | null;
  domains: string[];
  types: string[];
  from: string | null;
  to: string | null;
  lang: Lang;
  /** A survey whose links the dashboard counts instead of every cooperation link (managers only). */
  survey: string | null;
  /** With a survey: only the links both ends declared. */
  confirmed: boolean;
}

export const defaultState: ViewState = {
  authority: null, territory: null, lab: null, reach: null, root: null, focus: null, colour: "domain", gaps: true, year: null,
  domains: [], types: [], from: null, to: null, lang: "en", survey: null, confirmed: false,
};

const list = (value: string | null, allowed: string[]): string[] =>
  value ? value.split(",").filter((v) => allowed.includes(v)) : [];

export function readState(search: string, fallbackLang: Lang = "en"): ViewState {
  const q = new URLSearchParams(search);
  const year = Number(q.get("year"));
  const lang = q.get("lang");
  return {
    authority: q.get("authority") || null,
    territory: q.get("territory") || null,
    lab: q.get("lab") || null,
    reach: q.get("reach") || null,
    root: q.get("root") || null,
    focus: q.get("focus") || null,
    colour: q.get("colour") === "kind" ? "kind" : "domain",
    gaps: q.get("gaps") !== "0",
    year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null,
    domains: list(q.get("domains"), allDomains),
    types: list(q.get("types"), allLinkTypes),
    from: q.get("from") || null,
    to: q.get("to") || null,
    lang: lang === "fr" || lang === "en" ? lang : fallbackLang,
    survey: q.get("survey") || null,
    confirmed: q.get("survey") !== null && q.get("confirmed") === "1",
  };
}

/** The query string of a state, without the values that are at their default (short, stable addresses). */
export function writeState(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.authority) q.set("authority", state.authority);
  if (state.territory) q.set("territory", state.territory);
  if (state.lab) q.set("lab", state.lab);
  if (state.reach) q.set("reach", state.reach);
  if (state.root) q.set("root", state.root);
  if (state.focus) q.set("focus", state.focus);
  if (state.colour !== defaultState.colour) q.set("colour", state.colour);
  if (!state.gaps) q.set("gaps", "0");
  if (state.year !== null) q.set("year", String(state.year));
  if (state.domains.length) q.set("domains", state.domains.join(","));
  if (state.types.length) q.set("types", state.types.join(","));
  if (state.from) q.set("from", state.from);
  if (state.to) q.set("to", state.to);
  if (state.lang !== "en") q.set("lang", state.lang);
  if (state.survey) q.set("survey", state.survey);
  if (state.survey && state.confirmed) q.set("confirmed", "1");
  const text = q.toString();
  return text ? `?${text}` : "";
}
