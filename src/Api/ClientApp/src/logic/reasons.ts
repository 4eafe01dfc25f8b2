// A cooperation gap's reasons in plain words, in the reader's language. The API's own detail is English;
// the explorer words each reason itself from its kind and the nodes it names.
import type { GapReason } from "../api/types";
import type { Lang } from "./i18n";
import { frenchTypography } from "./typography";

const listOf = (lang: Lang, names: string[]): string => {
  if (names.length <= 1) return names[0] ?? "";
  const last = names[names.length - 1];
  return `${names.slice(0, -1).join(", ")} ${lang === "fr" ? "et" : "and"} ${last}`;
};

export function reasonText(lang: Lang, reason: GapReason): string {
  const text = plainText(lang, reason);
  return lang === "fr" ? frenchTypography(text) : text;
}

function plainText(lang: Lang, reason: GapReason): string {
  const names = listOf(lang, reason.nodes.map((n) => n.name ?? n.id));
  const fr = lang === "fr";
  switch (reason.kind) {
    case "SHARED_THEME":
      return fr ? `Travaillent tous deux sur : ${names}` : `Both work on ${names}`;
    case "COMMON_PARTNER":
      return fr ? `Coopèrent chacun avec ${names}` : `Both cooperate with ${names}`;
    case "SHARED_POLICY":
      return fr ? `Participent tous deux à : ${names}` : `Both take part in ${names}`;
    case "SHARED_FUNDER":
      return fr ? `Financés tous deux par ${names}` : `Both funded by ${names}`;
    case "SAME_TERRITORY":
      return fr ? `Situés au même endroit : ${names}` : `Both located in ${names}`;
    default:
      return reason.detail;
  }
}
