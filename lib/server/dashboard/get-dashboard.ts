import "server-only";
import { measureDefinitions, type MeasureId } from "@/lib/dashboard/definitions";
import type { Period } from "@/lib/dashboard/period";
import type { DashboardParams } from "@/lib/dashboard/params";
import type { Settings } from "@/lib/settings/schema";
import { dashboardContext, scopeOf } from "@/lib/server/dashboard/context";
import { scopeNote } from "@/lib/server/dashboard/scope";
import { getRetention, getRetentionTrend, type RetentionMeasure, type TrendPoint } from "@/lib/server/dashboard/get-retention";
import { getRenewalVisibility, type RenewalVisibility } from "@/lib/server/dashboard/get-renewal-visibility";
import { getTimeToFirstValue, type TimeToFirstValue } from "@/lib/server/dashboard/get-time-to-first-value";
import { getHandoffMeasures, type HandoffMeasures } from "@/lib/server/dashboard/get-handoff-measures";
import { getCsmLoad, type CsmLoad } from "@/lib/server/dashboard/get-csm-load";
import { getExpansionPipeline, type ExpansionPipeline } from "@/lib/server/dashboard/get-expansion-pipeline";
import { getExpansionCredit, type ExpansionCredit } from "@/lib/server/dashboard/get-expansion-credit";
import { getArrBridge, type ArrBridge } from "@/lib/server/dashboard/get-arr-bridge";
import { getForecastAccuracy, type DashboardForecastAccuracy } from "@/lib/server/dashboard/get-forecast-accuracy";
import type { ActingUser } from "@/lib/server/authz";
import { findFilterPerson } from "@/lib/server/people/filter-people";
import { csmCutLocked, cutsByOwnTeam, seesExpansionCredit } from "@/lib/server/dashboard/permissions";

export interface CutOption {
  id: string;
  name: string;
}

export interface Dashboard {
  period: Period;
  today: Date;
  targets: Settings["targets"];
  definitions: Record<MeasureId, string>;
  /** Who the figures cover, when the role narrows them. */
  scopeNote: string | null;
  /**
   * The CSM and AE cut by (named for the pickers, which look others up as the user types); for a CSM, the CSM is
   * themselves. `teamCut`: the user's own team is the default cut, and "every account" a choice (a CS manager).
   */
  options: { csm: CutOption | null; ae: CutOption | null; csmLocked: boolean; teamCut: boolean };
  retention: RetentionMeasure;
  trend: TrendPoint[];
  bridge: ArrBridge;
  visibility: RenewalVisibility;
  ttfv: TimeToFirstValue;
  handoffs: HandoffMeasures;
  load: CsmLoad;
  pipeline: ExpansionPipeline;
  /** Only for leadership and admins (AEs see theirs on their own page). */
  credit: ExpansionCredit | null;
  /** The accuracy of past renewal forecasts; null for a user the forecast refuses. */
  forecastAccuracy: DashboardForecastAccuracy | null;
}

/** Every measure of the leadership dashboard in the user's scope, read with one context: one scope, period and settings. */
export async function getDashboard(user: ActingUser, params: DashboardParams, now = new Date()): Promise<Dashboard> {
  const context = await dashboardContext(user, params, { now });
  const scope = scopeOf(context, "dashboard");
  const [retention, trend, bridge, visibility, ttfv, handoffs, load, pipeline, credit, forecastAccuracy, options] = await Promise.all([
    getRetention(context),
    getRetentionTrend(context),
    getArrBridge(context),
    getRenewalVisibility(context),
    getTimeToFirstValue(context),
    getHandoffMeasures(context),
    getCsmLoad(context),
    getExpansionPipeline(context),
    seesExpansionCredit(user) ? getExpansionCredit(context) : Promise.resolve(null),
    getForecastAccuracy(context),
    cutOptions(user, params),
  ]);
  return {
    period: context.period,
    today: context.today,
    targets: context.settings.targets,
    definitions: measureDefinitions(context.settings),
    scopeNote: scopeNote(user, scope),
    options,
    retention,
    trend,
    bridge,
    visibility,
    ttfv,
    handoffs,
    load,
    pipeline,
    credit,
    forecastAccuracy,
  };
}

/** The CSM and AE of the cut, by name, when the user may cut by them (lib/server/people): a CSM's CSM is themselves. */
async function cutOptions(user: ActingUser, params: DashboardParams): Promise<Dashboard["options"]> {
  const locked = csmCutLocked(user);
  const [csm, ae] = await Promise.all([
    locked ? { id: user.id, name: user.name } : params.csm ? findFilterPerson(user, "CSM", params.csm) : null,
    params.ae ? findFilterPerson(user, "AE", params.ae) : null,
  ]);
  return { csm, ae, csmLocked: locked, teamCut: cutsByOwnTeam(user) };
}
