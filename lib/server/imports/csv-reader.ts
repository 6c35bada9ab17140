import "server-only";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parse, type Info } from "csv-parse";
import { unescapeFormula } from "@/lib/csv/write-csv";

// Streams a CSV file record by record (never the whole file in memory), with the line each record starts on.
// A row the CSV grammar cannot read (a stray or unclosed quote) is reported on its own line and the rest of the
// file still reads; a quote inside an unquoted cell (Acme "Big" Co) is kept as written.

/** Opens the file afresh each time: the importer reads it twice (count, then import). */
export type CsvSource = () => Readable;

export const fileSource = (path: string): CsvSource => () => createReadStream(path);
export const textSource = (text: string): CsvSource => () => Readable.from([Buffer.from(text, "utf8")]);

export interface CsvRecord {
  line: number;
  record: Record<string, string>;
  /** Set when the row cannot be imported as read: a different number of cells than the header, or bad quoting. */
  rowError?: string;
}

export class CsvHeaderError extends Error {
  constructor(readonly missing: string[]) {
    super(`missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
    this.name = "CsvHeaderError";
  }
}

function parser(columns: readonly string[] | null, onRecordEnd: (line: number) => void = () => undefined) {
  return parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    info: true,
    // Where the last readable record ended, as the parser reads it (ahead of the consumer), so a row that cannot
    // be read is reported at the line after it.
    on_record: (record: unknown, context: { lines: number }) => {
      onRecordEnd(context.lines);
      return record;
    },
    // An export wrote a formula-like cell with a leading apostrophe (lib/csv/write-csv.ts); it reads back without it.
    cast: (value: string, context: { header: boolean }) => (context.header ? value : unescapeFormula(value)),
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim().toLowerCase());
      const missing = columns ? columns.filter((column) => !names.includes(column)) : [];
      if (missing.length > 0) throw new CsvHeaderError(missing);
      return names;
    },
  });
}

function quotingProblem(error: { code?: string; message?: string }): string {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return "a quote opened on this row is never closed, so this row and the ones after it could not be read; close or remove the quote";
  const detail = (error.message ?? "").split(":")[0]?.toLowerCase() ?? "bad quoting";
  return `not readable as CSV (${detail}); a cell with a quote, comma or line break must be quoted, with quotes doubled ("")`;
}

/** Records of the file, checked against the expected columns (extra columns are ignored). */
export async function* readCsv(source: CsvSource, columns: readonly string[]): AsyncGenerator<CsvRecord> {
  let lastLine = 1;
  const stream = source().pipe(parser(columns, (line) => (lastLine = line)));
  const unreadable: CsvRecord[] = [];
  stream.on("skip", (error: { code?: string; message?: string }) => {
    const line = lastLine + 1;
    if (!unreadable.some((entry) => entry.line === line)) unreadable.push({ line, record: {}, rowError: quotingProblem(error) });
  });
  for await (const item of stream as AsyncIterable<{ record: Record<string, string>; info: Info & { error?: Error } }>) {
    yield* unreadable.splice(0);
    // info.lines is the line the record ends on; a quoted cell may span lines.
    const breaks = Object.values(item.record).reduce((sum, value) => sum + (value.match(/\n/g)?.length ?? 0), 0);
    yield {
      line: item.info.lines - breaks,
      record: item.record,
      rowError: item.info.error ? "the row has a different number of cells than the header" : undefined,
    };
  }
  yield* unreadable.splice(0);
}

/** How many records the file holds, for the progress bar (a quick pass that checks nothing). */
export async function countRecords(source: CsvSource): Promise<number> {
  let count = 0;
  const unreadableLines = new Set<number>();
  const stream = source().pipe(parser(null));
  stream.on("skip", (error: { lines?: number }) => unreadableLines.add(error.lines ?? -1));
  for await (const _ of stream) count += 1;
  return count + unreadableLines.size;
}
