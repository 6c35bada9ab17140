import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requiredColumns, type ImportKind } from "@/lib/imports/formats";
import { parseRow, type RowIssue } from "@/lib/imports/row-schemas";
import { logger } from "@/lib/logger";
import { type Actor, actorId, isSystem, systemActor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import { assertRole } from "@/lib/server/authz";
import { getSettings } from "@/lib/server/settings/get-settings";
import { countRecords, CsvHeaderError, readCsv, type CsvRecord, type CsvSource } from "@/lib/server/imports/csv-reader";
import { IMPORT_HANDLERS } from "@/lib/server/imports/handlers";
import { RowError, type ImportContext, type ImportHandler } from "@/lib/server/imports/types";
import { newId } from "@/lib/server/imports/new-id";
import { holdRunLock, type RunLock } from "@/lib/server/imports/run-lock";

// The one importer behind the admin page and `npm run import`. It streams the file in batches of 500 rows:
// each batch is parsed, its references are looked up in bulk, and its good rows are written in one
// transaction. A bad row is reported (line, field, reason) and writes nothing; the rest still import. If the
// database refuses something mid-batch, the batch is replayed row by row so only the guilty row is left out.

export const IMPORT_BATCH_SIZE = 500;
export const IMPORT_ACTOR = systemActor("import");
/** The report keeps the first issues; the counts stay exact. */
const MAX_STORED_ISSUES = 1000;

export interface ImportSummary {
  runId: string;
  kind: ImportKind;
  status: "DONE" | "FAILED";
  totalRows: number;
  okRows: number;
  errorRows: number;
  issues: RowIssue[];
  seconds: number;
}

interface ParsedRow {
  line: number;
  row: unknown;
}

function authorize(actor: Actor): void {
  if (!isSystem(actor)) assertRole(actor, ["ADMIN"]);
}

/**
 * Opens the run (status RUNNING) so the page can show its progress while the rows import, holding its lock
 * (lib/server/imports/run-lock.ts) from before the row exists: a RUNNING run with a free lock has been abandoned.
 */
export async function openImportRun(actor: Actor, input: { kind: ImportKind; fileName: string }): Promise<{ runId: string; lock: RunLock }> {
  authorize(actor);
  const runId = newId();
  const lock = await holdRunLock(runId);
  try {
    await prisma.importRun.create({ data: { id: runId, kind: input.kind, fileName: input.fileName, createdById: actorId(actor) }, select: { id: true } });
  } catch (error) {
    await lock.release();
    throw error;
  }
  return { runId, lock };
}

export async function runImport(
  actor: Actor,
  input: {
    kind: ImportKind;
    source: CsvSource;
    fileName: string;
    /** A run opened by openImportRun, with its lock (released here when the import ends). */
    run?: { runId: string; lock: RunLock };
    batchSize?: number;
    now?: Date;
    /** False writes every row on its own (the reference path the bulk path is tested against). */
    bulk?: boolean;
  },
): Promise<ImportSummary> {
  authorize(actor);
  const started = Date.now();
  const { runId, lock } = input.run ?? (await openImportRun(actor, input));
  try {
    return await importRun(actor, input, runId, started);
  } finally {
    await lock.release();
  }
}

async function importRun(
  actor: Actor,
  input: Parameters<typeof runImport>[1],
  runId: string,
  started: number,
): Promise<ImportSummary> {
  const handler = IMPORT_HANDLERS[input.kind] as ImportHandler<unknown, unknown>;
  // Files always close deals as the system "import", whoever uploaded them (the audit names the uploader).
  const context: ImportContext = { actor, closer: IMPORT_ACTOR, settings: await getSettings(), now: input.now ?? new Date() };
  const tally = { total: 0, done: 0, ok: 0, errorRows: 0, issues: [] as RowIssue[] };

  const report = (issues: RowIssue[]) => {
    tally.errorRows += new Set(issues.map((issue) => issue.line)).size;
    tally.issues.push(...issues.slice(0, Math.max(0, MAX_STORED_ISSUES - tally.issues.length)));
  };
  const saveProgress = (extra: Prisma.ImportRunUpdateInput = {}) =>
    prisma.importRun.update({
      where: { id: runId },
      data: { totalRows: tally.total, doneRows: tally.done, okRows: tally.ok, errorRows: tally.errorRows, errors: tally.issues as unknown as Prisma.InputJsonArray, ...extra },
      select: { id: true },
    });

  let status: ImportSummary["status"] = "DONE";
  try {
    tally.total = await countRecords(input.source);
    await saveProgress();
    let batch: CsvRecord[] = [];
    const flush = async () => {
      const result = await importBatch(handler, input.kind, batch, context, input.bulk ?? true);
      tally.ok += result.ok;
      tally.done += batch.length;
      report(result.issues);
      batch = [];
      await saveProgress();
    };
    for await (const record of readCsv(input.source, requiredColumns(input.kind))) {
      batch.push(record);
      if (batch.length >= (input.batchSize ?? IMPORT_BATCH_SIZE)) await flush();
    }
    if (batch.length > 0) await flush();
  } catch (error) {
    status = "FAILED";
    report([fileIssue(error)]);
  }
  tally.total = Math.max(tally.total, tally.done);
  await saveProgress({ status, finishedAt: new Date() });
  await recordAudit(prisma, {
    actorId: actorId(actor),
    action: "import.finished",
    entityType: "ImportRun",
    entityId: runId,
    data: { kind: input.kind, fileName: input.fileName, status, totalRows: tally.total, okRows: tally.ok, errorRows: tally.errorRows, via: isSystem(actor) ? actor.label : "admin page" },
  });
  return {
    runId,
    kind: input.kind,
    status,
    totalRows: tally.total,
    okRows: tally.ok,
    errorRows: tally.errorRows,
    issues: tally.issues,
    seconds: (Date.now() - started) / 1000,
  };
}

async function importBatch(
  handler: ImportHandler<unknown, unknown>,
  kind: ImportKind,
  records: CsvRecord[],
  context: ImportContext,
  bulk: boolean,
): Promise<{ ok: number; issues: RowIssue[] }> {
  const issues: RowIssue[] = [];
  const parsed: ParsedRow[] = [];
  for (const { line, record, rowError } of records) {
    if (rowError) {
      issues.push({ line, field: "row", reason: rowError });
      continue;
    }
    const result = parseRow(kind, record, line);
    if (result.ok) parsed.push({ line, row: result.row });
    else issues.push(...result.issues);
  }
  const lookup = await handler.lookup(prisma, parsed.map((entry) => entry.row));
  const good: ParsedRow[] = [];
  for (const entry of parsed) {
    const problems = handler.check(entry.row, lookup);
    if (problems.length === 0) good.push(entry);
    else issues.push(...problems.map((problem) => ({ line: entry.line, ...problem })));
  }
  const byLine = (a: RowIssue, b: RowIssue) => a.line - b.line;
  if (good.length === 0) return { ok: 0, issues: issues.sort(byLine) };

  try {
    await prisma.$transaction(
      async (tx) => {
        if (bulk && handler.writeBatch) await handler.writeBatch(tx, good.map((entry) => entry.row), lookup, context);
        else for (const entry of good) await handler.write(tx, entry.row, lookup, context);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return { ok: good.length, issues: issues.sort(byLine) };
  } catch {
    // Something in the batch was refused: replay it row by row, each in its own transaction.
    let ok = 0;
    for (const entry of good) {
      try {
        await prisma.$transaction((tx) => handler.write(tx, entry.row, lookup, context), { timeout: 60_000, maxWait: 30_000 });
        ok += 1;
      } catch (error) {
        issues.push(rowIssue(error, entry.line));
      }
    }
    return { ok, issues: issues.sort(byLine) };
  }
}

function rowIssue(error: unknown, line: number): RowIssue {
  if (error instanceof RowError) return { line, field: error.field, reason: error.message };
  if (isAppError(error)) {
    // The closed-won flow and the ledger name their field in the API's camelCase; the report speaks in columns.
    const field = Object.keys(error.fieldErrors ?? {})[0];
    return { line, field: field ? field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : "row", reason: error.message };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return { line, field: "row", reason: "conflicts with another stored record (a duplicate key)" };
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId, line }, "import row failed");
  return { line, field: "row", reason: `could not be saved (error ${errorId.slice(0, 8)})` };
}

function fileIssue(error: unknown): RowIssue {
  if (error instanceof CsvHeaderError) return { line: 1, field: "header", reason: error.message };
  const csvError = error as { code?: string; lines?: number; message?: string };
  if (typeof csvError.code === "string" && csvError.code.startsWith("CSV_")) {
    return { line: csvError.lines ?? 0, field: "file", reason: `not a readable CSV file: ${csvError.message ?? csvError.code}` };
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, "import failed");
  return { line: 0, field: "file", reason: `the import stopped (error ${errorId.slice(0, 8)})` };
}
