import type { ForecastCategory } from "@/lib/generated/prisma/enums";
import { categoryRank } from "@/lib/forecast/categories";

// The changes since last week (issue 12 §4) as a waterfall: last week's forecast, then what moved it — renewals that
// became At risk, were downgraded or upgraded, closed, or entered the forecast — and this week's forecast.

export interface WeekState {
  open: boolean;
  category: ForecastCategory;
  /** The forecast amount; for a closed renewal, what it closed at. */
  amountCents: bigint;
}

export type ChangeKind = "newAtRisk" | "downgraded" | "upgraded" | "closed" | "added" | "amount";

export interface ChangeBucket {
  kind: ChangeKind;
  renewals: number;
  /** The forecast's change in cents from these renewals. */
  deltaCents: bigint;
}

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  newAtRisk: "New at risk",
  downgraded: "Downgraded",
  upgraded: "Upgraded",
  closed: "Closed",
  added: "New in the forecast",
  amount: "Amount changed",
};

const inForecast = (state: WeekState | undefined) => (state && state.category !== "OMITTED" ? state.amountCents : 0n);

export function changeKind(before: WeekState | undefined, now: WeekState): ChangeKind | null {
  if (!before) return now.open && now.category !== "OMITTED" ? "added" : null;
  if (!before.open) return null;
  if (!now.open) return "closed";
  if (now.category === "AT_RISK" && before.category !== "AT_RISK") return "newAtRisk";
  const was = categoryRank(before.category);
  const is = categoryRank(now.category);
  if (was !== null && is !== null && is < was) return "downgraded";
  if (was !== null && is !== null && is > was) return "upgraded";
  if (before.category !== now.category) return before.category === "OMITTED" ? "added" : "downgraded";
  return now.amountCents !== before.amountCents ? "amount" : null;
}

export interface Waterfall {
  lastWeekCents: bigint;
  thisWeekCents: bigint;
  buckets: ChangeBucket[];
}

/** `before`: last week's snapshot per renewal; `now`: each renewal as it stands. Last week + Σ deltas = this week. */
export function weekWaterfall(before: ReadonlyMap<string, WeekState>, now: ReadonlyMap<string, WeekState>): Waterfall {
  const buckets = new Map<ChangeKind, ChangeBucket>(CHANGE_KINDS.map((kind) => [kind, { kind, renewals: 0, deltaCents: 0n }]));
  const openAmount = (state: WeekState | undefined) => (state?.open ? inForecast(state) : 0n);
  let lastWeekCents = 0n;
  let thisWeekCents = 0n;
  for (const id of new Set([...before.keys(), ...now.keys()])) {
    const previous = before.get(id);
    const current = now.get(id);
    lastWeekCents += openAmount(previous);
    thisWeekCents += openAmount(current);
    // Gone from the view (closed and out of the period, re-assigned out of the cut): it leaves like a close.
    const kind = current ? changeKind(previous, current) : previous?.open ? "closed" : null;
    if (!kind) continue;
    const bucket = buckets.get(kind)!;
    bucket.renewals += 1;
    bucket.deltaCents += openAmount(current) - openAmount(previous);
  }
  return { lastWeekCents, thisWeekCents, buckets: [...buckets.values()] };
}

/** The waterfall's order; a kind's index is its number in the ForecastWeekChange summary (6: unchanged). */
export const CHANGE_KINDS: readonly ChangeKind[] = ["newAtRisk", "downgraded", "upgraded", "amount", "closed", "added"];

/** The renewals with a snapshot that week, summed per kind of change (ForecastWeekChange). */
export interface WeekChangeTally {
  kind: number;
  renewals: number;
  deltaCents: bigint;
  lastWeekCents: bigint;
  thisWeekCents: bigint;
  /** How many of them are in the forecast now (open, not Omitted). */
  inForecast: number;
}

/**
 * weekWaterfall from sums: the snapshotted renewals' tallies, and the view's renewals in the forecast now (`open`: how
 * many and their amount). Those without a snapshot that week are the difference, and each of them is "added".
 */
export function waterfallFromTallies(tallies: readonly WeekChangeTally[], open: { renewals: number; cents: bigint }): Waterfall {
  const buckets = CHANGE_KINDS.map((kind) => ({ kind, renewals: 0, deltaCents: 0n }));
  let lastWeekCents = 0n;
  let snappedRenewals = 0;
  let snappedCents = 0n;
  for (const tally of tallies) {
    lastWeekCents += tally.lastWeekCents;
    snappedRenewals += tally.inForecast;
    snappedCents += tally.thisWeekCents;
    const bucket = buckets[tally.kind];
    if (!bucket) continue;
    bucket.renewals += tally.renewals;
    bucket.deltaCents += tally.deltaCents;
  }
  const added = buckets[CHANGE_KINDS.indexOf("added")]!;
  added.renewals += open.renewals - snappedRenewals;
  added.deltaCents += open.cents - snappedCents;
  return { lastWeekCents, thisWeekCents: open.cents, buckets };
}
