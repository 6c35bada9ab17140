import { toCsv } from "@/lib/csv/write-csv";
import { RENEWAL_STAGE_LABELS, RISK_LEVEL_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import type { RenewalStage, RiskLevel, Segment } from "@/lib/generated/prisma/enums";

// The renewal pipeline as CSV: the columns of the table, money in dollars with two decimals (as the imports
// read it), dates ISO.

export interface RenewalCsvRow {
  accountName: string;
  name: string;
  quarter: string;
  renewalDate: Date;
  daysToRenewal: number;
  stage: RenewalStage;
  risk: RiskLevel | null;
  csmName: string | null;
  segment: Segment;
  amountCents: bigint;
  closedAmountCents: bigint | null;
}

export const RENEWAL_CSV_HEADER = ["account", "renewal", "quarter", "renewal_date", "days_to_renewal", "stage", "risk", "csm", "segment", "arr", "closed_amount"];

function dollars(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

export function renewalsCsv(rows: readonly RenewalCsvRow[]): string {
  return toCsv(
    [RENEWAL_CSV_HEADER, ...rows.map((row) => [
      row.accountName,
      row.name,
      row.quarter,
      row.renewalDate.toISOString().slice(0, 10),
      String(row.daysToRenewal),
      RENEWAL_STAGE_LABELS[row.stage],
      row.risk ? RISK_LEVEL_LABELS[row.risk] : "",
      row.csmName ?? "",
      SEGMENT_LABELS[row.segment],
      dollars(row.amountCents),
      row.closedAmountCents === null ? "" : dollars(row.closedAmountCents),
    ])],
    { crlf: true },
  );
}
