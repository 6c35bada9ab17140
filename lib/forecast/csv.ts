import { toCsv } from "@/lib/csv/write-csv";
import { toIsoDate } from "@/lib/dates";
import { CATEGORY_LABELS, OUTCOME_LABELS } from "@/lib/forecast/categories";
import type { ForecastCategory, ForecastOutcome, RenewalStage, Segment } from "@/lib/generated/prisma/enums";
import { centsToDollarsInput } from "@/lib/forecast/display";

export interface ForecastCsvRow {
  id: string;
  accountName: string;
  segment: Segment;
  stage: RenewalStage;
  renewalDate: Date;
  decisionDate: Date;
  csmName: string | null;
  managerName: string | null;
  aeName: string | null;
  baseCents: bigint;
  closedAmountCents: bigint | null;
  call: { category: ForecastCategory; amountCents: bigint; outcome: ForecastOutcome; overridden: boolean };
  likelihood: { score: number; category: ForecastCategory };
}

const HEADER = ["renewal_id", "account", "segment", "stage", "renewal_date", "decision_date", "csm", "manager", "ae", "arr_up", "forecast_category", "forecast_amount", "forecast_outcome", "overridden", "baton_likelihood", "baton_category", "closed_amount"];

export function forecastCsv(rows: readonly ForecastCsvRow[]): string {
  return toCsv([
    HEADER,
    ...rows.map((row) => [
      row.id,
      row.accountName,
      row.segment,
      row.stage,
      toIsoDate(row.renewalDate),
      toIsoDate(row.decisionDate),
      row.csmName ?? "",
      row.managerName ?? "",
      row.aeName ?? "",
      centsToDollarsInput(row.baseCents),
      CATEGORY_LABELS[row.call.category],
      centsToDollarsInput(row.call.amountCents),
      OUTCOME_LABELS[row.call.outcome],
      row.call.overridden ? "yes" : "no",
      row.likelihood.score,
      CATEGORY_LABELS[row.likelihood.category],
      row.closedAmountCents === null ? "" : centsToDollarsInput(row.closedAmountCents),
    ]),
  ]);
}
