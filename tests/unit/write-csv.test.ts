import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeFormula, toCsv, unescapeFormula } from "@/lib/csv/write-csv";

describe("the CSV writer", () => {
  it("writes cells a spreadsheet would run as a formula as text", () => {
    for (const value of ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://e","c")']) {
      expect(escapeFormula(value), JSON.stringify(value)).toBe(`'${value}`);
      expect(unescapeFormula(escapeFormula(value))).toBe(value);
    }
  });

  it("leaves plain numbers, ordinary text and an apostrophe that is not an escape alone", () => {
    for (const value of ["-12.50", "+3", "42", "Acme", "", "'quoted'", "a=b", "it's"]) {
      expect(escapeFormula(value)).toBe(value);
      expect(unescapeFormula(value)).toBe(value);
    }
  });

  it("quotes and escapes whole rows", () => {
    expect(toCsv([["name", "arr"], ['=A1,"x"', -12n], [null, 3]])).toBe(`name,arr\n"'=A1,""x""",-12\n,3\n`);
    expect(toCsv([["a"], ["b"]], { crlf: true })).toBe("a\r\nb\r\n");
  });
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

describe("every export", () => {
  it("writes CSV only through lib/csv/write-csv.ts", () => {
    const writers = ["app", "components", "lib"].flatMap(files).filter((file) => /\.tsx?$/.test(file) && !file.includes("generated") && /from "csv-stringify/.test(readFileSync(file, "utf8")));
    expect(writers).toEqual(["lib/csv/write-csv.ts"]);
  });
});
