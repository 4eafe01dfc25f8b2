import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('Maison "Solidaire", Lyon')).toBe('"Maison ""Solidaire"", Lyon"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });

  it("keeps spreadsheets from running formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-3)).toBe("-3");
  });

  it("writes CRLF lines with a header and empty cells for missing values", () => {
    expect(toCsv(["a", "b"], [[1, null], ["x", undefined]])).toBe("a,b\r\n1,\r\nx,\r\n");
  });
});
