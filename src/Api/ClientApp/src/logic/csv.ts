// CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF lines, quoted when needed. A leading
// =, +, - or @ is prefixed with an apostrophe so that a spreadsheet never runs a cell as a formula.

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
