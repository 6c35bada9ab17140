import "server-only";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parse, type Info } from "csv-parse";

// Streams a CSV file record by record (never the whole file in memory), with the line each record starts on.

/** Opens the file afresh each time: the importer reads it twice (count, then import). */
export type CsvSource = () => Readable;

export const fileSource = (path: string): CsvSource => () => createReadStream(path);
export const textSource = (text: string): CsvSource => () => Readable.from([Buffer.from(text, "utf8")]);

export interface CsvRecord {
  line: number;
  record: Record<string, string>;
  /** Set when the row has more or fewer cells than the header. */
  fieldCountError?: string;
}

export class CsvHeaderError extends Error {
  constructor(readonly missing: string[]) {
    super(`missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`);
    this.name = "CsvHeaderError";
  }
}

function parser(columns: readonly string[] | null) {
  return parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim().toLowerCase());
      const missing = columns ? columns.filter((column) => !names.includes(column)) : [];
      if (missing.length > 0) throw new CsvHeaderError(missing);
      return names;
    },
  });
}

/** Records of the file, checked against the expected columns (extra columns are ignored). */
export async function* readCsv(source: CsvSource, columns: readonly string[]): AsyncGenerator<CsvRecord> {
  const stream = source().pipe(parser(columns));
  for await (const item of stream as AsyncIterable<{ record: Record<string, string>; info: Info & { error?: Error } }>) {
    // info.lines is the line the record ends on; a quoted cell may span lines.
    const breaks = Object.values(item.record).reduce((sum, value) => sum + (value.match(/\n/g)?.length ?? 0), 0);
    yield {
      line: item.info.lines - breaks,
      record: item.record,
      fieldCountError: item.info.error ? "the row has a different number of cells than the header" : undefined,
    };
  }
}

/** How many records the file holds, for the progress bar (a quick pass that checks nothing). */
export async function countRecords(source: CsvSource): Promise<number> {
  let count = 0;
  for await (const _ of source().pipe(parser(null))) count += 1;
  return count;
}
