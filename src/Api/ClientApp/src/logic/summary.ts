// One sentence that says what the dashboard's figures mean, for a reader who has never seen the word "transversality".
import { domainName, percent, type Lang } from "./i18n";
import { frenchTypography } from "./typography";

export interface SummaryFigures {
  name: string;
  linkShare: number;
  serviceLinks: number;
  coveredDomainPairs: number;
  domainPairs: number;
  siloDomains: string[];
}

export function summary(lang: Lang, r: SummaryFigures): string {
  return lang === "fr" ? frenchTypography(sentence(lang, r)) : sentence(lang, r);
}

function sentence(lang: Lang, r: SummaryFigures): string {
  const silos = r.siloDomains.map((d) => domainName(lang, d)).join(", ");
  if (lang === "fr") {
    if (r.serviceLinks === 0) return `${r.name} : aucune de ses directions n'a encore de lien de coopération connu.`;
    return `${r.name} : ${percent(lang, r.linkShare)} des liens de coopération de ses directions relient des politiques publiques différentes ; `
      + `${r.coveredDomainPairs} paires de politiques sur ${r.domainPairs} se rejoignent, directement ou par un partenaire.`
      + (silos ? ` Restent en silo : ${silos}.` : " Aucune politique ne reste en silo.");
  }
  if (r.serviceLinks === 0) return `${r.name}: none of its services has a known cooperation link yet.`;
  return `${r.name}: ${percent(lang, r.linkShare)} of its services' cooperation links cross policy domains; `
    + `${r.coveredDomainPairs} of ${r.domainPairs} pairs of domains meet, directly or through one partner.`
    + (silos ? ` In silos: ${silos}.` : " No domain is left in a silo.");
}
