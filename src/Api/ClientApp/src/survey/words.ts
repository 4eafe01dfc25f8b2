// The survey page's words in French (first: respondents are the services of French authorities) and English.

import { typeset } from "../logic/typography";

export type Lang = "fr" | "en";

const frSource = {
  language: "Langue",
  loading: "Chargement…",
  intro: "Avec qui votre service travaille-t-il ? Cochez vos collègues des autres directions et ajoutez vos partenaires extérieurs.",
  closes: "Réponses jusqu’au",
  asService: "Vous répondez pour",
  colleagues: "Vos collègues des autres services",
  filter: "Filtrer",
  noColleague: "Aucun service ne correspond.",
  otherServices: "Autres services",
  partners: "Vos partenaires extérieurs",
  partnersHelp: "Associations, coopératives, laboratoires, universités, autres collectivités : cherchez par nom, SIREN ou commune.",
  search: "Chercher un partenaire",
  noCandidate: "Aucun partenaire trouvé.",
  notFound: "Introuvable ? Ajouter un nouveau partenaire",
  newPartner: "Nouveau partenaire",
  name: "Nom",
  kind: "Type",
  legalForm: "Forme juridique",
  commune: "Code INSEE de la commune",
  siren: "SIREN (facultatif)",
  add: "Ajouter",
  cancel: "Annuler",
  didYouMean: "Vouliez-vous dire… ?",
  useThis: "C’est celui-ci",
  createAnyway: "Non, créer ce nouveau partenaire",
  yourAnswers: "Vos réponses",
  none: "Aucun partenaire déclaré pour l’instant.",
  cooperation: "Nature de la coopération",
  frequency: "Fréquence",
  since: "Depuis (année)",
  themes: "Thèmes",
  remove: "Retirer",
  submit: "Envoyer mes réponses",
  sending: "Envoi…",
  sent: "Réponses enregistrées. Vous pourrez les modifier jusqu’à la clôture de l’enquête.",
  draft: "Brouillon enregistré sur cet appareil.",
  draftRestored: "Votre brouillon a été repris.",
  closed: "Cette enquête est close : elle ne reçoit plus de réponses. Merci !",
  badLink: "Ce lien n’est pas valide : il a peut-être été remplacé. Demandez-en un nouveau à votre direction générale.",
  error: "L’envoi a échoué",
  invalidYear: "Une année entre 1900 et cette année.",
  invalidSiren: "Un SIREN a neuf chiffres.",
  required: "Obligatoire.",
  kinds: { PARTNERSHIP: "Partenariat", CO_CONSTRUCTION: "Co-construction", SHARED_PROJECT: "Projet commun", AGREEMENT: "Convention", NETWORK: "Réseau" },
  frequencies: ["Environ une fois par an", "Quelques fois par an", "Environ une fois par mois", "Chaque semaine", "Tous les jours"],
  partnerKinds: { SSE_ACTOR: "Acteur de l’ESS (association, coopérative…)", UNIVERSITY: "Université, école", INNOVATION_LAB: "Laboratoire, lab d’innovation" },
  legalForms: { ASSOCIATION: "Association", COOPERATIVE: "Coopérative", MUTUAL: "Mutuelle", FOUNDATION: "Fondation", SOCIAL_ENTERPRISE: "Entreprise sociale", OTHER: "Autre" },
};

export type Words = typeof frSource;

const fr: Words = typeset(frSource);

const en: Words = {
  language: "Language",
  loading: "Loading…",
  intro: "Whom does your service work with? Tick your colleagues of other directions and add your outside partners.",
  closes: "Answers until",
  asService: "You answer for",
  colleagues: "Your colleagues in other services",
  filter: "Filter",
  noColleague: "No service matches.",
  otherServices: "Other services",
  partners: "Your outside partners",
  partnersHelp: "Associations, cooperatives, labs, universities, other authorities: search by name, SIREN or commune.",
  search: "Find a partner",
  noCandidate: "No partner found.",
  notFound: "Not found? Add a new partner",
  newPartner: "New partner",
  name: "Name",
  kind: "Kind",
  legalForm: "Legal form",
  commune: "Commune's INSEE code",
  siren: "SIREN (optional)",
  add: "Add",
  cancel: "Cancel",
  didYouMean: "Did you mean…?",
  useThis: "This one",
  createAnyway: "No, create this new partner",
  yourAnswers: "Your answers",
  none: "No partner declared yet.",
  cooperation: "Kind of cooperation",
  frequency: "How often",
  since: "Since (year)",
  themes: "Themes",
  remove: "Remove",
  submit: "Send my answers",
  sending: "Sending…",
  sent: "Answers saved. You may change them until the survey closes.",
  draft: "Draft saved on this device.",
  draftRestored: "Your draft was restored.",
  closed: "This survey is closed: it takes no more answers. Thank you!",
  badLink: "This link is not valid: it may have been replaced. Ask your general management for a new one.",
  error: "Sending failed",
  invalidYear: "A year from 1900 to this year.",
  invalidSiren: "A SIREN has nine digits.",
  required: "Required.",
  kinds: { PARTNERSHIP: "Partnership", CO_CONSTRUCTION: "Co-construction", SHARED_PROJECT: "Shared project", AGREEMENT: "Agreement", NETWORK: "Network" },
  frequencies: ["About once a year", "A few times a year", "About once a month", "Every week", "Every day"],
  partnerKinds: { SSE_ACTOR: "SSE actor (association, cooperative…)", UNIVERSITY: "University, school", INNOVATION_LAB: "Research or innovation lab" },
  legalForms: { ASSOCIATION: "Association", COOPERATIVE: "Cooperative", MUTUAL: "Mutual", FOUNDATION: "Foundation", SOCIAL_ENTERPRISE: "Social enterprise", OTHER: "Other" },
};

export const words: Record<Lang, Words> = { fr, en };

/** French unless the browser asks for another language first. */
export function initialLang(languages: readonly string[]): Lang {
  const first = languages[0]?.toLowerCase() ?? "fr";
  return first.startsWith("fr") || !first.startsWith("en") ? "fr" : "en";
}
