import { describe, expect, it } from "vitest";
import { words as surveyWords } from "../survey/words";
import { count, num, share } from "./format";
import { allDomains, allLinkTypes, domainName, kindName, levelName, linkTypeName, words } from "./i18n";
import { frenchTypography } from "./typography";

/** Every string of a dictionary, nested records and lists included, with its path. */
function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const kinds = ["AUTHORITY", "SERVICE", "SSE_ACTOR", "UNIVERSITY", "INNOVATION_LAB", "POLICY", "THEME", "TERRITORY"];
const levels = ["STATE", "REGION", "DEPARTEMENT", "INTERCOMMUNALITY", "METROPOLIS", "COMMUNE", "PUBLIC_BODY", "HOSPITAL"];
const names = (lang: "en" | "fr") => [
  ...allDomains.map((d) => domainName(lang, d)), ...kinds.map((k) => kindName(lang, k)),
  ...levels.map((l) => levelName(lang, l)), ...allLinkTypes.map((t) => linkTypeName(lang, t)),
];

describe("the pages' words", () => {
  const dictionaries = { explorer: words, survey: surveyWords };

  for (const [page, dictionary] of Object.entries(dictionaries)) {
    it(`${page}: both languages have the same keys, none empty, no raw code`, () => {
      const en = strings(dictionary.en);
      const fr = strings(dictionary.fr);
      expect(fr.map(([path]) => path)).toEqual(en.map(([path]) => path));
      for (const [path, text] of [...en, ...fr]) {
        expect(text.trim(), path).not.toBe("");
        expect(text, path).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
      }
    });

    it(`${page}: French has its spaces and apostrophes, English none before a colon`, () => {
      for (const [path, text] of strings(dictionary.fr)) {
        expect(text, path).not.toMatch(/ [:;?!»%]/);
        expect(text, path).not.toMatch(/[^\u00a0\u202f]:(\s|$)/);
        expect(text, path).not.toMatch(/\p{L}'\p{L}/u);
      }
      for (const [path, text] of strings(dictionary.en)) {
        expect(text, path).not.toMatch(/\s[:;]/);
      }
    });
  }

  it("enum names are translated, in both languages", () => {
    for (const lang of ["en", "fr"] as const) {
      for (const name of names(lang)) expect(name).not.toMatch(/^[A-Z_]+$/);
    }
    expect(levelName("fr", "DEPARTEMENT")).toBe("département");
    expect(kindName("fr", "SSE_ACTOR")).toBe("Acteur de l’ESS");
  });
});

describe("French typography", () => {
  it("puts no-break spaces where French wants them", () => {
    expect(frenchTypography("Vue d'ensemble : la collectivité ; et ? « oui »")).toBe(
      "Vue d’ensemble\u00a0: la collectivité\u202f; et\u202f? «\u00a0oui\u00a0»");
    expect(frenchTypography("https://exemple.fr")).toBe("https://exemple.fr");
  });

  it("writes numbers, shares and counts as each language does", () => {
    expect(num("fr", 2.94, 2)).toBe("2,94");
    expect(num("en", 2.94, 2)).toBe("2.94");
    expect(share("fr", 0.67)).toBe("67\u202f%");
    expect(share("en", 0.67)).toBe("67%");
    expect(count("fr", 1, "services")).toBe("1 direction");
    expect(count("fr", 0, "sharedThemes")).toBe("0 thématique partagée");
    expect(count("fr", 2, "transversalLinks")).toBe("2 liens transversaux");
    expect(count("en", 1, "sharedThemes")).toBe("1 shared theme");
    expect(count("en", 0, "services")).toBe("0 services");
  });
});
