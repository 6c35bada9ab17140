import "server-only";
import type { z } from "zod";
import { toIsoDate } from "@/lib/dates";
import { centsToDollars } from "@/lib/imports/fields";
import type { measuresOutput, measuresQuery } from "@/lib/api/schemas";
import type { ActingUser } from "@/lib/server/authz";
import { dashboardContext } from "@/lib/server/dashboard/context";
import { getHandoffMeasures } from "@/lib/server/dashboard/get-handoff-measures";
import { getRenewalVisibility } from "@/lib/server/dashboard/get-renewal-visibility";
import { getRetention } from "@/lib/server/dashboard/get-retention";
import { getTimeToFirstValue } from "@/lib/server/dashboard/get-time-to-first-value";

/**
 * The leadership dashboard's measures for BI, computed by the dashboard's own functions (which check the role
 * and scope the accounts: a CS manager sees their team by default, a CSM their book) for the period and cuts asked for.
 */
export async function getMeasuresForApi(actor: ActingUser, query: z.output<typeof measuresQuery>): Promise<z.input<typeof measuresOutput>> {
  const context = await dashboardContext(actor, query);
  const retention = await getRetention(context);
  const visibility = await getRenewalVisibility(context);
  const ttfv = await getTimeToFirstValue(context);
  const handoffs = await getHandoffMeasures(context);
  const figures = retention.figures;
  return {
    period: { preset: retention.period.preset, start: toIsoDate(retention.period.start), end: toIsoDate(retention.period.end) },
    retention: {
      startArr: centsToDollars(figures.startArrCents),
      retainedArr: centsToDollars(figures.retainedArrCents),
      endArr: centsToDollars(figures.endArrCents),
      cohortAccounts: figures.cohortAccounts,
      retainedAccounts: figures.retainedAccounts,
      grossRetention: figures.grossRetention,
      netRetention: figures.netRetention,
      logoRetention: figures.logoRetention,
    },
    renewalVisibility: {
      from: toIsoDate(visibility.from),
      until: toIsoDate(visibility.until),
      due: visibility.due,
      visible: visibility.visible,
      visibility: visibility.visibility,
    },
    timeToFirstValue: { closed: ttfv.closed, reached: ttfv.reached, medianDays: ttfv.medianDays },
    handoffs: {
      completed: handoffs.completed,
      withinSla: handoffs.withinSla,
      slaShare: handoffs.slaShare,
      openOverdue: handoffs.openOverdue,
      rated: handoffs.rated,
      meanRating: handoffs.meanRating,
    },
  };
}
