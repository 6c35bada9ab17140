import "server-only";
import { companyToday } from "@/lib/calendar/company-day";
import { resolvePeriod, type Period } from "@/lib/dashboard/period";
import type { DashboardParams } from "@/lib/dashboard/params";
import { forbidden } from "@/lib/errors";
import type { ActingUser } from "@/lib/server/authz";
import { creditCut, dashboardCut, type DashboardScope } from "@/lib/server/dashboard/scope";
import { getSettings } from "@/lib/server/settings/get-settings";
import type { Settings } from "@/lib/settings/schema";

// What every measure needs besides its query — who asks and which accounts that lets them see, the period, the
// rules in force and today's date in the company time zone — computed once per request (dashboardContext) and
// handed to each measure, so one page load reads the settings once and decides the scope once.

export interface MeasureContext {
  settings: Settings;
  /** Today in the company time zone, as a UTC-midnight date. */
  today: Date;
  now: Date;
}

export type MeasureParams = Pick<DashboardParams, "period" | "from" | "to" | "segment" | "csm" | "ae" | "team">;

export interface DashboardContext extends MeasureContext {
  user: ActingUser;
  period: Period;
  /** The accounts each kind of figure covers for this user; null where their role has no such view. */
  scopes: { dashboard: DashboardScope | null; credit: DashboardScope | null };
}

export async function measureContext(context: Partial<MeasureContext> = {}): Promise<MeasureContext> {
  const now = context.now ?? new Date();
  const settings = context.settings ?? (await getSettings());
  return { settings, now, today: context.today ?? companyToday(now, settings.calendar.timezone) };
}

export async function dashboardContext(user: ActingUser, params: MeasureParams, context: Partial<MeasureContext> = {}): Promise<DashboardContext> {
  const base = await measureContext(context);
  return {
    ...base,
    user,
    period: resolvePeriod(params.period, base.today, params.from, params.to),
    scopes: { dashboard: dashboardCut(user, params), credit: creditCut(user, params) },
  };
}

/** The scope of one kind of figure; refused when the user's role has no such view (an AE's dashboard, a CSM's credit). */
export function scopeOf(context: DashboardContext, access: "dashboard" | "credit"): DashboardScope {
  const scope = context.scopes[access];
  if (!scope) throw forbidden();
  return scope;
}
