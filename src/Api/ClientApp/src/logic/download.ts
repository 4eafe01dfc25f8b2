// Saving a file from the page: a link to an object URL, clicked, then let go.

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV file with a byte-order mark (unless it has one), so that a spreadsheet reads its accents as UTF-8. */
export function downloadCsv(name: string, text: string): void {
  downloadBlob(new Blob([text.startsWith("\uFEFF") ? "" : "\uFEFF", text], { type: "text/csv;charset=utf-8" }), name);
}
