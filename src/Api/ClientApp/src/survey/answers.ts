// A respondent's answers as the survey page holds them, what it sends to answerSurvey, and the draft it keeps in the
// browser while the respondent goes (so that closing the tab loses nothing).

export const cooperationKinds = ["PARTNERSHIP", "CO_CONSTRUCTION", "SHARED_PROJECT", "AGREEMENT", "NETWORK"] as const;
export type CooperationKind = (typeof cooperationKinds)[number];

export const partnerKinds = ["SSE_ACTOR", "UNIVERSITY", "INNOVATION_LAB"] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const legalForms = ["ASSOCIATION", "COOPERATIVE", "MUTUAL", "FOUNDATION", "SOCIAL_ENTERPRISE", "OTHER"] as const;

/** A partner the form does not know yet: it is created, private to the authority, when the answers are sent. */
export interface NewPartner {
  id: string;
  kind: PartnerKind;
  name: string;
  legalForm?: string;
  territoryCode?: string;
  siren?: string;
}

export interface Answer {
  partnerId: string;
  name: string;
  /** Set while the partner is new (until the answers are sent and it exists). */
  created?: NewPartner;
  kind: CooperationKind;
  /** 1 (about once a year) … 5 (every day). */
  intensity: number;
  sinceYear: number | null;
  themeIds: string[];
}

export interface ServerAnswer {
  partner: { id: string; name: string };
  kind: CooperationKind;
  intensity: number;
  since: string | null;
  themes: { id: string }[];
}

export function fromServer(answers: ServerAnswer[]): Answer[] {
  return answers.map((a) => ({
    partnerId: a.partner.id,
    name: a.partner.name,
    kind: a.kind,
    intensity: a.intensity,
    sinceYear: a.since ? Number(a.since.slice(0, 4)) : null,
    themeIds: a.themes.map((t) => t.id),
  }));
}

/** A new answer with the form's defaults: a partnership, about once a month. */
export function answerFor(partnerId: string, name: string, created?: NewPartner): Answer {
  return { partnerId, name, created, kind: "PARTNERSHIP", intensity: 3, sinceYear: null, themeIds: [] };
}

/** The answerSurvey input of one answer: an existing partner by id, or the new one whole. */
export function toInput(answer: Answer): Record<string, unknown> {
  const common = {
    kind: answer.kind,
    intensity: answer.intensity,
    since: answer.sinceYear ? `${String(answer.sinceYear).padStart(4, "0")}-01-01` : null,
    themeIds: answer.themeIds,
  };
  if (answer.created) {
    const p = answer.created;
    return {
      newPartner: {
        id: p.id,
        kind: p.kind,
        name: p.name,
        legalForm: p.kind === "SSE_ACTOR" ? (p.legalForm ?? "ASSOCIATION") : null,
        siren: p.kind === "SSE_ACTOR" && p.siren ? p.siren : null,
        territoryCode: p.territoryCode || null,
      },
      ...common,
    };
  }
  return { partnerId: answer.partnerId, ...common };
}

/** A year the form accepts: empty (unknown), or 1900 to this year. */
export function parseYear(text: string, thisYear: number): number | null | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^\d{4}$/.test(trimmed)) return "invalid";
  const year = Number(trimmed);
  return year >= 1900 && year <= thisYear ? year : "invalid";
}

/** A SIREN as the form accepts it: nine digits, spaces ignored; empty is none. */
export function parseSiren(text: string): string | null | "invalid" {
  const digits = text.replace(/\s/g, "");
  if (digits === "") return null;
  return /^\d{9}$/.test(digits) ? digits : "invalid";
}

/** A fresh id for a new partner: random, so that two respondents never collide. */
export function newPartnerId(random: () => string = () => crypto.randomUUID()): string {
  return `partner:${random()}`;
}

// The draft is kept per survey and service in localStorage (not the token: the link itself is the credential).
export function draftKey(surveyId: string, serviceId: string): string {
  return `coopgraph.survey-draft.${surveyId}.${serviceId}`;
}

export function saveDraft(storage: Storage | undefined, key: string, answers: Answer[]): void {
  storage?.setItem(key, JSON.stringify(answers));
}

export function loadDraft(storage: Storage | undefined, key: string): Answer[] | null {
  const text = storage?.getItem(key);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed.filter(isAnswer) as Answer[]) : null;
  } catch {
    return null;
  }
}

export function clearDraft(storage: Storage | undefined, key: string): void {
  storage?.removeItem(key);
}

function isAnswer(value: unknown): boolean {
  const a = value as Answer;
  return typeof a === "object" && a !== null && typeof a.partnerId === "string" && typeof a.name === "string"
    && cooperationKinds.includes(a.kind) && Number.isInteger(a.intensity) && a.intensity >= 1 && a.intensity <= 5
    && Array.isArray(a.themeIds);
}

/** The token of the page's address, /survey/<token>. */
export function tokenOf(pathname: string): string | null {
  const match = /^\/survey\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  return match?.[1] ?? null;
}
