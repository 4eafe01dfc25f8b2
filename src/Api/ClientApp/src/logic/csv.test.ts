import { describe, expect, it } from "vitest";
import { csvCell, spreadsheetCsv, toCsv } from "./csv";

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('Maison "Solidaire", Lyon')).toBe('"Maison ""Solidaire"", Lyon"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });

  it("keeps spreadsheets from running formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-3)).toBe("-3");
  });

  it("writes ';' and a byte-order mark for a French spreadsheet, quoting cells that hold a ';'", () => {
    expect(spreadsheetCsv("fr", ["a", "b"], [["x;y", "2,5"]])).toBe("\uFEFFa;b\r\n\"x;y\";2,5\r\n");
    expect(spreadsheetCsv("en", ["a", "b"], [["x;y", "2.5"]])).toBe("a,b\r\nx;y,2.5\r\n");
  });

  it("writes CRLF lines with a header and empty cells for missing values", () => {
    expect(toCsv(["a", "b"], [[1, null], ["x", undefined]])).toBe("a,b\r\n1,\r\nx,\r\n");
  });
});
