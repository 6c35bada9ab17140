import type { CheckpointStatus } from "@/lib/generated/prisma/enums";

export const CHECKPOINT_STATUS_LABELS: Record<CheckpointStatus, string> = {
  OPEN: "Waiting for the CSM's call",
  AGREED: "Agreed with Baton",
  AWAITING_MANAGER: "Calls disagree: CS manager decides",
  DECIDED: "Decided by the CS manager",
};

/** Cents as the dollars a form field shows: 10500050n → "105000.50", 10500000n → "105000". */
export function centsToDollarsInput(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  const rest = abs % 100n;
  return `${sign}${abs / 100n}${rest === 0n ? "" : `.${String(rest).padStart(2, "0")}`}`;
}

export const BUCKET_LABELS = {
  COMMIT: "Commit",
  BEST_CASE: "Best case",
  PIPELINE: "Pipeline",
  AT_RISK: "At risk",
  OMITTED: "Omitted",
  CLOSED_WON: "Closed won",
  CLOSED_LOST: "Closed lost",
} as const;
