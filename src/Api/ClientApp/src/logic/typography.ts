// French typography applied to every French string the pages show, so that the dictionaries stay readable in the
// source: a no-break space before a colon and inside guillemets, a narrow no-break space before ; ? ! and %, the
// typographic apostrophe. English strings are left as written.

const nbsp = "\u00a0";
const narrow = "\u202f";

export function frenchTypography(text: string): string {
  return text
    .replace(/ ?:(?=\s|$)/g, `${nbsp}:`)
    .replace(/ ?([;?!])(?=\s|$|»)/g, `${narrow}$1`)
    .replace(/« ?/g, `«${nbsp}`)
    .replace(/ ?»/g, `${nbsp}»`)
    .replace(/(\p{L})'(?=\p{L})/gu, "$1’");
}

type Deep = string | readonly Deep[] | { readonly [key: string]: Deep };

/** A dictionary with every string typeset; arrays and nested records too. */
export function typeset<T>(words: T): T {
  const walk = (value: Deep): Deep =>
    typeof value === "string" ? frenchTypography(value)
    : Array.isArray(value) ? value.map(walk)
    : Object.fromEntries(Object.entries(value as Record<string, Deep>).map(([k, v]) => [k, walk(v)]));
  return walk(words as Deep) as T;
}
