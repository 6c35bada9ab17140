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
  renewalIds: string[];
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
  const kinds: ChangeKind[] = ["newAtRisk", "downgraded", "upgraded", "amount", "closed", "added"];
  const buckets = new Map<ChangeKind, ChangeBucket>(kinds.map((kind) => [kind, { kind, renewals: 0, deltaCents: 0n, renewalIds: [] }]));
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
    bucket.renewalIds.push(id);
  }
  return { lastWeekCents, thisWeekCents, buckets: [...buckets.values()] };
}
