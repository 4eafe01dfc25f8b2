// Numbers, shares and counts as each language writes them: Intl for digits and plurals, so that French reads
// "2,94", "67 %" and "1 direction", and English "2.94", "67%" and "1 service".
import type { Lang } from "./i18n";

const locale = (lang: Lang): string => (lang === "fr" ? "fr-FR" : "en-GB");

export function num(lang: Lang, value: number, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share as a whole percentage: "67%", and in French "67 %" with a narrow no-break space (not left to the ICU build). */
/** An amount in euros, whole: "1 250 000 €" in French, "€1,250,000" in English. */
export function euros(lang: Lang, value: number): string {
  return new Intl.NumberFormat(locale(lang), { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(value);
}

export function share(lang: Lang, value: number): string {
  const whole = num(lang, Math.round(value * 100));
  return lang === "fr" ? `${whole}\u202f%` : `${whole}%`;
}

const nouns = {
  en: {
    services: ["service", "services"], serviceLinks: ["service link", "service links"], transversalLinks: ["transversal link", "transversal links"],
    sharedThemes: ["shared theme", "shared themes"], applicants: ["applicant", "applicants"], hops: ["step", "steps"],
    partnersDeclared: ["partner declared", "partners declared"], newPairs: ["new pair", "new pairs"],
    noLongerDeclared: ["pair no longer declared", "pairs no longer declared"], answered: ["has answered", "have answered"],
    grants: ["grant or contract", "grants or contracts"], beneficiaries: ["beneficiary", "beneficiaries"],
    actors: ["actor known", "actors known"], programmes: ["programme", "programmes"], links: ["link", "links"],
  },
  fr: {
    services: ["direction", "directions"], serviceLinks: ["lien des directions", "liens des directions"], transversalLinks: ["lien transversal", "liens transversaux"],
    sharedThemes: ["thématique partagée", "thématiques partagées"], applicants: ["candidat", "candidats"], hops: ["étape", "étapes"],
    partnersDeclared: ["partenaire déclaré", "partenaires déclarés"], newPairs: ["nouvelle paire", "nouvelles paires"],
    noLongerDeclared: ["paire plus déclarée", "paires plus déclarées"], answered: ["a répondu", "ont répondu"],
    grants: ["subvention ou marché", "subventions ou marchés"], beneficiaries: ["bénéficiaire", "bénéficiaires"],
    actors: ["acteur connu", "acteurs connus"], programmes: ["dispositif", "dispositifs"], links: ["lien", "liens"],
  },
} as const satisfies Record<Lang, Record<string, readonly [string, string]>>;

export type Noun = keyof (typeof nouns)["en"];

/** "1 direction", "2 directions", "0 direction" (French counts 0 as one), "0 services". */
export function count(lang: Lang, value: number, noun: Noun): string {
  const [one, other] = nouns[lang][noun];
  return `${num(lang, value)} ${new Intl.PluralRules(locale(lang)).select(value) === "one" ? one : other}`;
}
