// CSV as spreadsheets read it (RFC 4180): CRLF lines, quoted when needed. A leading =, +, - or @ is prefixed with an
// apostrophe so that a spreadsheet never runs a cell as a formula. French Excel expects ';' between cells and a
// byte-order mark to read UTF-8: spreadsheetCsv writes that when the page is in French.
import type { Lang } from "./i18n";

export function csvCell(value: unknown, separator = ","): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][], separator = ","): string {
  return [header, ...rows].map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join("\r\n") + "\r\n";
}

/** The CSV a spreadsheet in the page's language opens as is: ';' and a BOM in French, ',' in English. */
export function spreadsheetCsv(lang: Lang, header: string[], rows: unknown[][]): string {
  return lang === "fr" ? "\uFEFF" + toCsv(header, rows, ";") : toCsv(header, rows);
}
