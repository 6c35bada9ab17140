// The forecast's accuracy covers the closed renewals of the trailing year: renewal date in [today − 364, today]. The
// summaries hold it as twelve-month blocks (ForecastAccuracyYear, one per CSM, segment and last month), so a read takes
// one block and corrects it by the closed renewals of the days where the block and the year differ.

import { daysBetween, minDate } from "@/lib/dates";
import { addCalendarDaysUtc } from "@/lib/forecast/week";

/** Renewal dates in [from, until), added to the block (sign 1) or taken out of it (−1). */
export interface AccuracyEdge {
  from: Date;
  until: Date;
  sign: 1 | -1;
}

export interface AccuracyBlock {
  /** The trailing year's first and last renewal dates. */
  from: Date;
  to: Date;
  /** The block: the twelve months ending with this one (its first day). */
  lastMonth: Date;
  edges: AccuracyEdge[];
}

const monthStart = (date: Date, shift: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + shift, 1));

/** Where [blockFrom, blockUntil) and [from, until) differ: what to add to the block and what to take out. */
function edgesBetween(blockFrom: Date, blockUntil: Date, from: Date, until: Date): AccuracyEdge[] {
  const edges: AccuracyEdge[] = [];
  if (from < blockFrom) edges.push({ from, until: blockFrom, sign: 1 });
  if (blockFrom < from) edges.push({ from: blockFrom, until: from, sign: -1 });
  if (blockUntil < until) edges.push({ from: blockUntil, until, sign: 1 });
  if (until < blockUntil) edges.push({ from: until, until: blockUntil, sign: -1 });
  return edges;
}

/**
 * Days of the edges up to today: what the read costs. The edges read closed renewals only (the state rows' (closed,
 * date) index), and few renewals dated after today are closed yet.
 */
function pastDays(edges: readonly AccuracyEdge[], until: Date): number {
  return edges.reduce((days, edge) => days + Math.max(0, daysBetween(edge.from, minDate(edge.until, until))), 0);
}

/**
 * The block ending with last month or with this one, whichever leaves fewer past days to read: early in a month the
 * block to last month (its first days a year ago out, this month's days in), late in it the block to this month (the
 * last days of that month a year ago in, the rest of this month out).
 */
export function accuracyBlock(today: Date): AccuracyBlock {
  const from = addCalendarDaysUtc(today, -364);
  const until = addCalendarDaysUtc(today, 1);
  const candidates = [-1, 0].map((shift) => {
    const edges = edgesBetween(monthStart(today, shift - 11), monthStart(today, shift + 1), from, until);
    return { lastMonth: monthStart(today, shift), edges, days: pastDays(edges, until) };
  });
  const best = candidates[1]!.days < candidates[0]!.days ? candidates[1]! : candidates[0]!;
  return { from, to: today, lastMonth: best.lastMonth, edges: best.edges };
}
