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
  return figuresOf(accuracySums(histories, daysOut));
}

function accuracySums(histories: readonly ClosedHistory[], daysOut: number): AccuracySums {
  const figures = emptySums();
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
  return figures;
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
  let squares = 0n;
  let renewals = 0;
  for (const history of histories) {
    const point = snapshotAt(history, daysOut);
    if (!point) continue;
    squares += brierSquare(point.likelihood, history.won);
    renewals += 1;
  }
  return { renewals, score: brierOf(renewals, squares) };
}

/**
 * One renewal's term of the Brier score in units of 10⁻⁴: (likelihood − 100 × renewed)². Kept in integers so the
 * score summed in PostgreSQL and the one summed here agree to the last digit (a float sum depends on its order).
 */
function brierSquare(likelihood: number, won: boolean): bigint {
  const miss = BigInt(likelihood - (won ? 100 : 0));
  return miss * miss;
}

/** The mean of the terms, to four decimals: Σ (p − renewed)² / n = squares / 10⁴ / n. */
function brierOf(renewals: number, squares: bigint): number | null {
  return renewals > 0 ? Math.round(Number(squares) / renewals) / 10_000 : null;
}

function percentOneDecimal(part: bigint, whole: bigint): number {
  return Number((part * 1000n) / whole) / 10;
}

// The same figures from sums: the forecast page and the dashboard add them up in PostgreSQL per CSM and segment
// (over the closed renewals' stored 90- and 30-day forecasts) and merge those few rows into each group here.

export type AccuracySums = Omit<AccuracyFigures, "accuracyPct">;

export interface AccuracyTally {
  at90: AccuracySums;
  at30: AccuracySums;
  lateSurprises: number;
  /** Renewals with a likelihood 90 days out, and Σ (likelihood − 100 × renewed)² over them. */
  brierRenewals: number;
  brierSquares: bigint;
}

function emptySums(): AccuracySums {
  return { renewals: 0, baseCents: 0n, forecastCents: 0n, closedCents: 0n, absErrorCents: 0n };
}

export function emptyTally(): AccuracyTally {
  return { at90: emptySums(), at30: emptySums(), lateSurprises: 0, brierRenewals: 0, brierSquares: 0n };
}

function addSums(into: AccuracySums, part: AccuracySums): void {
  into.renewals += part.renewals;
  into.baseCents += part.baseCents;
  into.forecastCents += part.forecastCents;
  into.closedCents += part.closedCents;
  into.absErrorCents += part.absErrorCents;
}

export function mergeTallies(parts: readonly AccuracyTally[]): AccuracyTally {
  const total = emptyTally();
  for (const part of parts) {
    addSums(total.at90, part.at90);
    addSums(total.at30, part.at30);
    total.lateSurprises += part.lateSurprises;
    total.brierRenewals += part.brierRenewals;
    total.brierSquares += part.brierSquares;
  }
  return total;
}

/** The tally of closed renewals in memory (what the stored rows sum to; the unit tests hold both to the same figures). */
export function tallyOf(histories: readonly ClosedHistory[]): AccuracyTally {
  let brierSquares = 0n;
  let brierRenewals = 0;
  for (const history of histories) {
    const point = snapshotAt(history, 90);
    if (!point) continue;
    brierSquares += brierSquare(point.likelihood, history.won);
    brierRenewals += 1;
  }
  return { at90: accuracySums(histories, 90), at30: accuracySums(histories, 30), lateSurprises: lateSurprises(histories).length, brierRenewals, brierSquares };
}

function figuresOf(sums: AccuracySums): AccuracyFigures {
  return { ...sums, accuracyPct: sums.baseCents > 0n ? percentOneDecimal(sums.baseCents - sums.absErrorCents, sums.baseCents) : null };
}

export interface AccuracyResult {
  at90: AccuracyFigures;
  at30: AccuracyFigures;
  lateSurprises: number;
  brier: number | null;
}

/** A group's figures from its tally: accuracy at 90 and 30 days out, late surprises and the Brier score at 90. */
export function accuracyOf(tally: AccuracyTally): AccuracyResult {
  return { at90: figuresOf(tally.at90), at30: figuresOf(tally.at30), lateSurprises: tally.lateSurprises, brier: brierOf(tally.brierRenewals, tally.brierSquares) };
}
