import "server-only";
import { dashboardContext, type MeasureContext } from "@/lib/server/dashboard/context";
import { toCsv } from "@/lib/csv/write-csv";
import { centsToDecimal, type ColumnKind, type DrillCell } from "@/lib/dashboard/drill-columns";
import { monthKey } from "@/lib/dashboard/period";
import type { DrillParams } from "@/lib/dashboard/params";
import { notFound } from "@/lib/errors";
import { enumLabel } from "@/lib/dashboard/format-cell";
import { getRetentionTrend } from "@/lib/server/dashboard/get-retention";
import { getExpansionCredit } from "@/lib/server/dashboard/get-expansion-credit";
import { isDrillTable, listAllDrillRows } from "@/lib/server/dashboard/list-drill-rows";
import type { ActingUser } from "@/lib/server/authz";

// CSV of every dashboard table, with the same period, cuts and access rules as the page. Money is in dollars with
// two decimals ("1234.50"), dates ISO; lib/csv/write-csv.ts escapes text a spreadsheet would run as a formula.

export interface CsvFile {
  filename: string;
  body: string;
}

function csvCell(kind: ColumnKind, value: DrillCell): string {
  if (value === null) return "";
  switch (kind) {
    case "cents":
      return centsToDecimal(String(value));
    case "date":
      return String(value).slice(0, 10);
    case "bool":
      return value === true || value === "true" ? "yes" : "no";
    case "enum":
      return enumLabel(String(value));
    default:
      return String(value);
  }
}

const ratio = (value: number | null) => (value === null ? "" : String(value));

export async function exportCsv(user: ActingUser, table: string, params: DrillParams, measure?: Partial<MeasureContext>): Promise<CsvFile> {
  const context = await dashboardContext(user, params, measure);
  if (table === "retention-trend") {
    const trend = await getRetentionTrend(context);
    const rows = trend.map((point) => [
      point.month,
      point.figures.cohortAccounts,
      point.figures.retainedAccounts,
      centsToDecimal(point.figures.startArrCents),
      centsToDecimal(point.figures.retainedArrCents),
      centsToDecimal(point.figures.endArrCents),
      ratio(point.figures.grossRetention),
      ratio(point.figures.netRetention),
      ratio(point.figures.logoRetention),
    ]);
    const header = ["month", "cohort_accounts", "retained_accounts", "start_arr_usd", "retained_arr_usd", "end_arr_usd", "grr", "nrr", "logo_retention"];
    return { filename: `retention-trend-${trend.at(-1)?.month ?? "none"}.csv`, body: toCsv([header, ...rows]) };
  }
  if (table === "expansion-credit") {
    const credit = await getExpansionCredit(context);
    const header = ["ae", "accounts", "movements", "expansion_arr_usd", "credit_usd", "rate_percent"];
    const rows = credit.rows.map((row) => [
      row.aeName, row.accounts, row.movements, centsToDecimal(row.expansionCents), centsToDecimal(row.creditCents), credit.ratePercent,
    ]);
    return { filename: `expansion-credit-${monthKey(credit.period.firstMonth)}-${monthKey(credit.period.lastMonth)}.csv`, body: toCsv([header, ...rows]) };
  }
  if (!isDrillTable(table)) throw notFound("That table");
  const { columns, rows } = await listAllDrillRows(context, table, params);
  const header = ["id", ...columns.map((column) => (column.kind === "cents" ? `${column.label} (USD)` : column.label))];
  const body = toCsv([header, ...rows.map((row) => [row.id, ...columns.map((column) => csvCell(column.kind, row[column.key] ?? null))])]);
  return { filename: `${table}.csv`, body };
}
