import type { ForecastCategory } from "@/lib/generated/prisma/enums";
import { categoryRank } from "@/lib/forecast/categories";
import { addCalendarDaysUtc } from "@/lib/forecast/week";

// The two checkpoints (issue 12 §3): at 180 and 90 days (rule settings) before the decision date the CSM records the
// call; when it and Baton's call are too far apart the CS manager decides.

/**
 * The checkpoint to open today, or null: the most urgent one whose day has come. When two are due at once (a renewal
 * created inside 90 days, a worker that was down) only the nearer opens — the earlier one's question is already
 * overtaken — and it never opens later, because the most urgent due checkpoint can only get nearer.
 */
export function checkpointDue(decision: Date, today: Date, checkpointDays: readonly number[]): { daysBefore: number; dueDate: Date } | null {
  const due = [...checkpointDays]
    .filter((days) => today.getTime() >= addCalendarDaysUtc(decision, -days).getTime())
    .sort((a, b) => a - b);
  const daysBefore = due[0];
  if (daysBefore === undefined || today.getTime() > decision.getTime()) return null;
  return { daysBefore, dueDate: addCalendarDaysUtc(decision, -daysBefore) };
}

/**
 * Whether the CSM's category and Baton's disagree: more than `gap` categories apart on Commit 4 · Best case 3 ·
 * Pipeline 2 · At risk 1. With the default gap 1, Commit vs Best case agree, Commit vs Pipeline disagree. Omitted is
 * the CSM keeping the renewal out of the forecast: there is nothing to compare.
 */
export function disagrees(csm: ForecastCategory, baton: ForecastCategory, gap: number): boolean {
  const a = categoryRank(csm);
  const b = categoryRank(baton);
  if (a === null || b === null) return false;
  return Math.abs(a - b) > gap;
}
