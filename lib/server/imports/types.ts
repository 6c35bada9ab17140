import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/server/actor";
import type { Settings } from "@/lib/settings/schema";

// The shape of one import format's work. The driver (run-import.ts) parses each row with the format's zod
// schema, then per batch: `lookup` loads what the rows refer to in bulk, `check` refuses rows whose references
// are missing (nothing is written for them), and `write` saves each remaining row inside the batch's transaction.

export interface ImportContext {
  actor: Actor;
  /** Who runs the closed-won flow for a deal that arrives won: the system "import" for files, the token's user for the API. */
  closer: Actor;
  settings: Settings;
  now: Date;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

export interface ImportHandler<Row, Lookup> {
  lookup(tx: Tx, rows: readonly Row[]): Promise<Lookup>;
  check(row: Row, lookup: Lookup): FieldProblem[];
  /** Saves one row. Throws RowError when the stored data refuses it (the row is then reported, not written). */
  write(tx: Tx, row: Row, lookup: Lookup, context: ImportContext): Promise<void>;
  /**
   * Optional fast path for big files: saves a whole batch in a few statements, with the same result as `write`
   * row after row. On any error the driver replays the batch through `write`, row by row.
   */
  writeBatch?(tx: Tx, rows: readonly Row[], lookup: Lookup, context: ImportContext): Promise<void>;
}

/** True when two rows share a key: the batch is then written row by row, in file order. */
export function hasDuplicateKeys<Row>(rows: readonly Row[], key: (row: Row) => string): boolean {
  return new Set(rows.map(key)).size !== rows.length;
}

/**
 * A row the database state refuses, named by the field at fault. Through the API it answers 409 when it clashes
 * with what is stored, 422 when the row itself is wrong (a movement that would break the ledger).
 */
export class RowError extends Error {
  readonly field: string;
  readonly status: "CONFLICT" | "VALIDATION";

  constructor(field: string, reason: string, status: "CONFLICT" | "VALIDATION" = "CONFLICT") {
    super(reason);
    this.name = "RowError";
    this.field = field;
    this.status = status;
  }
}

export function defineHandler<Row, Lookup>(handler: ImportHandler<Row, Lookup>): ImportHandler<Row, Lookup> {
  return handler;
}
