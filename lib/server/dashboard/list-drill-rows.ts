import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { pageArgs, paged, type Paged } from "@/lib/paging";
import type { Period } from "@/lib/dashboard/period";
import { DRILL_TABLE_IDS, type DrillCell, type DrillColumn, type DrillRow, type DrillTableId } from "@/lib/dashboard/drill-columns";
import type { DrillParams } from "@/lib/dashboard/params";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { DRILL_TABLES, type DrillInput, type DrillTable } from "@/lib/server/dashboard/drill-tables";
import { renewalWindow } from "@/lib/server/dashboard/get-renewal-visibility";
import { handoffWindow } from "@/lib/server/dashboard/get-handoff-measures";

export interface DrillResult extends Paged<DrillRow> {
  table: DrillTableId;
  title: string;
  adds: string;
  pointInTime: boolean;
  columns: DrillColumn[];
  period: Period;
  sort: string;
  dir: "asc" | "desc";
  /** The company time zone, for showing timestamps. */
  timezone: string;
  /** Row count and the sum of every `total` column over all rows (not just this page). */
  totals: Record<string, DrillCell>;
}

export function isDrillTable(value: string): value is DrillTableId {
  return (DRILL_TABLE_IDS as readonly string[]).includes(value);
}

function tableOf(id: string): DrillTable {
  if (!isDrillTable(id)) throw notFound("That table");
  return DRILL_TABLES[id];
}

/** Authorizes (dashboard or credit access) and builds the table's row SQL for the context's scope, period and windows. */
function prepare(context: DashboardContext, id: string, params: DrillParams) {
  const table = tableOf(id);
  const scope = scopeOf(context, table.access === "credit" ? "credit" : "dashboard");
  const { today, settings, period } = context;
  const input: DrillInput = {
    scope,
    period,
    settings,
    renewalWindow: renewalWindow(today),
    handoffWindow: handoffWindow(period, settings.calendar.timezone),
    focus: params.focus,
  };
  const sortable = table.columns.filter((column) => column.sortable).map((column) => column.key);
  const sort = params.sort && sortable.includes(params.sort) ? params.sort : table.defaultSort;
  const dir = params.sort && sortable.includes(params.sort) ? params.dir : table.defaultDir;
  return { table, period, rows: table.rows(input), sort, dir, timezone: settings.calendar.timezone };
}

function orderBy(sort: string, dir: "asc" | "desc"): Prisma.Sql {
  // `sort` is one of the table's own column keys (checked above), never free text from the URL.
  return Prisma.raw(`ORDER BY t."${sort}" ${dir === "desc" ? "DESC" : "ASC"} NULLS LAST, t."id" ASC`);
}

function cell(value: unknown): DrillCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

function toRow(raw: Record<string, unknown>, columns: DrillColumn[]): DrillRow {
  const row: DrillRow = { id: String(raw.id) };
  for (const column of columns) row[column.key] = cell(raw[column.key]);
  return row;
}

function totalsSql(rows: Prisma.Sql, columns: DrillColumn[]): Prisma.Sql {
  const sums = columns
    .filter((column) => column.total)
    .map((column) =>
      column.kind === "bool"
        ? Prisma.raw(`count(*) FILTER (WHERE t."${column.key}")::int AS "${column.key}"`)
        : Prisma.raw(`coalesce(sum(t."${column.key}"), 0)::bigint AS "${column.key}"`),
    );
  return Prisma.sql`WITH t AS (${rows}) SELECT count(*)::int AS row_count ${sums.length ? Prisma.sql`, ${Prisma.join(sums)}` : Prisma.empty} FROM t`;
}

/** One page of a drill-down table, sorted in SQL, with totals over all its rows. */
export async function listDrillRows(context: DashboardContext, id: string, params: DrillParams): Promise<DrillResult> {
  const { table, period, rows, sort, dir, timezone } = prepare(context, id, params);
  const { skip: offset } = pageArgs(params);
  const [pageRows, [totals]] = await Promise.all([
    prisma.$queryRaw<Record<string, unknown>[]>`WITH t AS (${rows}) SELECT * FROM t ${orderBy(sort, dir)} LIMIT ${params.perPage} OFFSET ${offset}`,
    prisma.$queryRaw<Record<string, unknown>[]>(totalsSql(rows, table.columns)),
  ]);
  const count = Number(totals?.row_count ?? 0);
  const totalCells: Record<string, DrillCell> = { rows: count };
  for (const column of table.columns) if (column.total) totalCells[column.key] = cell(totals?.[column.key] ?? 0);
  return {
    ...paged(pageRows.map((raw) => toRow(raw, table.columns)), count, params.page, params.perPage),
    table: id as DrillTableId,
    title: table.title,
    adds: table.adds,
    pointInTime: table.pointInTime ?? false,
    columns: table.columns,
    period,
    sort,
    dir,
    timezone,
    totals: totalCells,
  };
}

/** Every row of a table (for CSV), in the page's order. */
export async function listAllDrillRows(context: DashboardContext, id: string, params: DrillParams): Promise<{ columns: DrillColumn[]; rows: DrillRow[] }> {
  const { table, rows, sort, dir } = prepare(context, id, params);
  const all = await prisma.$queryRaw<Record<string, unknown>[]>`WITH t AS (${rows}) SELECT * FROM t ${orderBy(sort, dir)}`;
  return { columns: table.columns, rows: all.map((raw) => toRow(raw, table.columns)) };
}
