// The CSV template of an authority's directions and services, as the import reads it (actors.csv columns), with two
// example rows the manager replaces; and the slug the page makes a new service's id from.
import { spreadsheetCsv, toCsv } from "./csv";
import type { Lang } from "./i18n";

// privateTo keeps the services private whoever imports the file (a bound key would anyway; the command line would not).
export const serviceColumns = ["id", "kind", "name", "domain", "authorityId", "directionId", "privateTo"];

export function serviceTemplate(authorityId: string): string {
  const base = idBase(authorityId);
  return toCsv(serviceColumns, [
    [`svc:${base}-solidarites`, "SERVICE", "Direction des solidarités", "SOCIAL", authorityId, "", authorityId],
    [`svc:${base}-insertion`, "SERVICE", "Service insertion", "EMPLOYMENT", authorityId, `svc:${base}-solidarites`, authorityId],
    [`svc:${base}-mobilites`, "SERVICE", "Direction des mobilités", "TRANSPORT", authorityId, "", authorityId],
  ]);
}

/** Lower-case ASCII words joined by hyphens: "Direction de l'Éducation" → "direction-de-l-education". */
export function slug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
}

function idBase(authorityId: string): string {
  return slug(authorityId.replace(/^[a-z]+:/, "")) || "authority";
}

/** A new service's id: readable, under the authority's, with a short random tail so that two names never collide. */
export function serviceId(authorityId: string, name: string, random: () => string = () => Math.random().toString(36).slice(2, 7)): string {
  return `svc:${idBase(authorityId)}-${slug(name) || "service"}-${random()}`;
}

/** The invitation links as a CSV for a mail merge, as the page's language's spreadsheet opens it. */
export function invitationsCsv(lang: Lang, invitations: { service: { id: string; name: string }; url: string }[]): string {
  return spreadsheetCsv(lang, ["service_id", "service_name", "link"], invitations.map((i) => [i.service.id, i.service.name, i.url]));
}
