import { stringify } from "csv-stringify/sync";

// The one CSV writer of every export (renewals, the admin exports, the dashboard tables). A spreadsheet runs a
// cell that starts with =, +, -, @, a tab or a carriage return as a formula ("CSV injection": an account named
// =HYPERLINK(…) would become a live link), so such a cell is written with a leading apostrophe, which
// spreadsheets show as text. Plain numbers ("-12.50") stay numbers. The importer reads the apostrophe back off
// (unescapeFormula), so an export still imports back unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The importer's side: an apostrophe the writer put before a formula character is not part of the value. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) && !PLAIN_NUMBER.test(value.slice(1)) ? value.slice(1) : value;
}

export type CsvCell = string | number | bigint | boolean | null | undefined;

export interface CsvOptions {
  /** RFC 4180 line ends (\r\n) instead of \n. */
  crlf?: boolean;
}

const cellText = (cell: CsvCell): string => (cell === null || cell === undefined ? "" : escapeFormula(String(cell)));

/** Rows (the header is just the first row) as CSV text, every cell escaped. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  return stringify(
    rows.map((row) => row.map(cellText)),
    { record_delimiter: options.crlf ? "\r\n" : "\n" },
  );
}

/** Records keyed by column, in the columns' order (for the import-format exports). */
export function recordsToCsv(records: readonly Record<string, CsvCell>[], columns: readonly string[], options: CsvOptions = {}): string {
  return toCsv(records.map((record) => columns.map((column) => record[column])), options);
}
