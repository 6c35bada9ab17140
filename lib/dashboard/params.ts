import { z } from "zod";
import { Segment } from "@/lib/generated/prisma/enums";
import { pageParams } from "@/lib/paging";
import { PERIOD_PRESETS } from "@/lib/dashboard/period";

// The dashboard's state lives in the URL: period and cuts, plus paging and sorting on drill-down tables.
// Every field falls back on a bad value, so a hand-edited URL never throws.

const id = z.string().trim().min(1).max(64);
const month = z.string().regex(/^\d{4}-\d{2}$/);

export const dashboardParams = z.object({
  period: z.enum(PERIOD_PRESETS).catch("12m"),
  from: month.optional().catch(undefined),
  to: month.optional().catch(undefined),
  segment: z.enum(Segment).optional().catch(undefined),
  csm: id.optional().catch(undefined),
  ae: id.optional().catch(undefined),
  // A CS manager's cut is their team until they ask for every account.
  team: z.enum(["all"]).optional().catch(undefined),
});
export type DashboardParams = z.infer<typeof dashboardParams>;

export const drillParams = dashboardParams.extend({
  ...pageParams,
  // Checked against the table's own list of sortable columns; anything else sorts by the default.
  sort: z.string().trim().max(40).optional().catch(undefined),
  // Narrows a table to one CSM's book or one AE's credit (links from the load and credit tables).
  focus: id.optional().catch(undefined),
});
export type DrillParams = z.infer<typeof drillParams>;

const CUT_KEYS = ["period", "from", "to", "segment", "csm", "ae", "team"] as const;

/** The query string of the period and cuts (defaults left out), for links that keep the current view. */
export function cutQuery(params: DashboardParams, extra: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const key of CUT_KEYS) {
    const value = params[key];
    if (value === undefined || (key === "period" && value === "12m")) continue;
    if ((key === "from" || key === "to") && params.period !== "custom") continue;
    search.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
