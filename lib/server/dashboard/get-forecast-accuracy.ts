import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeOf, type DashboardContext } from "@/lib/server/dashboard/context";
import { accountConditions, hasAccountConditions } from "@/lib/server/dashboard/scope";
import { companyAccuracy, type AccuracyGroup } from "@/lib/server/forecast/get-forecast";
import { canReadForecast } from "@/lib/server/forecast/permissions";

// Forecast accuracy on the dashboard (issue 12 §5): the forecast page's company figures (one row of sums over the
// closed renewals' stored 90/30-day forecasts), on the accounts of the dashboard's cut (a CS manager's team by default,
// a CSM their book) within what the forecast lets the user see.

export type DashboardForecastAccuracy = AccuracyGroup;

/** The company (or cut) row of the forecast's accuracy; null for a user the forecast refuses. */
export async function getForecastAccuracy(context: DashboardContext): Promise<DashboardForecastAccuracy | null> {
  if (!canReadForecast(context.user)) return null;
  const scope = scopeOf(context, "dashboard");
  return companyAccuracy(context.user, hasAccountConditions(scope) ? Prisma.sql`TRUE${accountConditions(scope)}` : null, context.today);
}
