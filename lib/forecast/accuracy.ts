import type { ForecastCategory } from "@/lib/generated/prisma/enums";
import { addCalendarDaysUtc } from "@/lib/forecast/week";

// Forecast accuracy (issue 12 §5), measured once renewals close, from the weekly snapshots:
// - the forecast amount N days out (the last snapshot of a week starting at least N days before the renewal date)
//   against the closed amount (0 when lost); accuracy = 1 − Σ |forecast − closed| / Σ ARR up for renewal;
// - late surprises: closed lost or downsold (closed below the ARR up for renewal) while the forecast 30 days out was
//   Commit;
// - Baton's likelihood scored the same way with the Brier score: the mean of (likelihood/100 − renewed)², renewed = 1
//   when closed won; 0 is perfect, 0.25 is what always saying 50% earns.

export interface SnapshotPoint {
  weekStart: Date;
  category: ForecastCategory;
  amountCents: bigint;
  likelihood: number;
}

export interface ClosedHistory {
  renewalId: string;
  renewalDate: Date;
  baseAmountCents: bigint;
  won: boolean;
  /** The renewed ARR; 0 when lost. */
  closedAmountCents: bigint;
  snapshots: readonly SnapshotPoint[];
}

/** The forecast as it stood `daysOut` days before the renewal date, or null when no snapshot is that old. */
export function snapshotAt(history: Pick<ClosedHistory, "renewalDate" | "snapshots">, daysOut: number): SnapshotPoint | null {
  const cutoff = addCalendarDaysUtc(history.renewalDate, -daysOut).getTime();
  let best: SnapshotPoint | null = null;
  for (const point of history.snapshots) {
    if (point.weekStart.getTime() > cutoff) continue;
    if (!best || point.weekStart.getTime() > best.weekStart.getTime()) best = point;
  }
  return best;
}

export interface AccuracyFigures {
  /** Closed renewals with a snapshot that old. */
  renewals: number;
  baseCents: bigint;
  forecastCents: bigint;
  closedCents: bigint;
  absErrorCents: bigint;
  /** 0–100, one decimal; null without renewals. */
  accuracyPct: number | null;
}

export function accuracyAt(histories: readonly ClosedHistory[], daysOut: number): AccuracyFigures {
  const figures = { renewals: 0, baseCents: 0n, forecastCents: 0n, closedCents: 0n, absErrorCents: 0n };
  for (const history of histories) {
    const point = snapshotAt(history, daysOut);
    if (!point) continue;
    const forecast = point.category === "OMITTED" ? 0n : point.amountCents;
    const error = forecast - history.closedAmountCents;
    figures.renewals += 1;
    figures.baseCents += history.baseAmountCents;
    figures.forecastCents += forecast;
    figures.closedCents += history.closedAmountCents;
    figures.absErrorCents += error < 0n ? -error : error;
  }
  return { ...figures, accuracyPct: figures.baseCents > 0n ? percentOneDecimal(figures.baseCents - figures.absErrorCents, figures.baseCents) : null };
}

/** Closed lost or downsold while Commit 30 days out. */
export function lateSurprises<H extends ClosedHistory>(histories: readonly H[], daysOut = 30): H[] {
  return histories.filter((history) => {
    const lostOrDown = !history.won || history.closedAmountCents < history.baseAmountCents;
    return lostOrDown && snapshotAt(history, daysOut)?.category === "COMMIT";
  });
}

/** Baton's likelihood `daysOut` days before the renewal scored against the outcome; null without renewals. */
export function brierScore(histories: readonly ClosedHistory[], daysOut = 90): { renewals: number; score: number | null } {
  let sum = 0;
  let renewals = 0;
  for (const history of histories) {
    const point = snapshotAt(history, daysOut);
    if (!point) continue;
    const p = point.likelihood / 100;
    sum += (p - (history.won ? 1 : 0)) ** 2;
    renewals += 1;
  }
  return { renewals, score: renewals > 0 ? Math.round((sum / renewals) * 10_000) / 10_000 : null };
}

function percentOneDecimal(part: bigint, whole: bigint): number {
  return Number((part * 1000n) / whole) / 10;
}
