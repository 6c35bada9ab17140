import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { measureDefinitions, type MeasureId } from "@/lib/dashboard/definitions";
import { resolvePeriod, type Period } from "@/lib/dashboard/period";
import type { DashboardParams } from "@/lib/dashboard/params";
import type { Settings } from "@/lib/settings/schema";
import { measureContext } from "@/lib/server/dashboard/context";
import { dashboardScope, scopeNote, teamCsms } from "@/lib/server/dashboard/scope";
import { getRetention, getRetentionTrend, type RetentionMeasure, type TrendPoint } from "@/lib/server/dashboard/get-retention";
import { getRenewalVisibility, type RenewalVisibility } from "@/lib/server/dashboard/get-renewal-visibility";
import { getTimeToFirstValue, type TimeToFirstValue } from "@/lib/server/dashboard/get-time-to-first-value";
import { getHandoffMeasures, type HandoffMeasures } from "@/lib/server/dashboard/get-handoff-measures";
import { getCsmLoad, type CsmLoad } from "@/lib/server/dashboard/get-csm-load";
import { getExpansionPipeline, type ExpansionPipeline } from "@/lib/server/dashboard/get-expansion-pipeline";
import { getExpansionCredit, type ExpansionCredit } from "@/lib/server/dashboard/get-expansion-credit";
import { getArrBridge, type ArrBridge } from "@/lib/server/dashboard/get-arr-bridge";
import type { ActingUser } from "@/lib/server/authz";
import { csmCutLocked, seesExpansionCredit } from "@/lib/server/dashboard/permissions";

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
  options: { csms: CutOption[]; aes: CutOption[]; csmLocked: boolean };
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
}

/** Every measure of the leadership dashboard in the user's scope, read with one set of rules. */
export async function getDashboard(user: ActingUser, params: DashboardParams, now = new Date()): Promise<Dashboard> {
  dashboardScope(user, params);
  const context = await measureContext({ now });
  const [retention, trend, bridge, visibility, ttfv, handoffs, load, pipeline, credit, options] = await Promise.all([
    getRetention(user, params, context),
    getRetentionTrend(user, params, context),
    getArrBridge(user, params, context),
    getRenewalVisibility(user, params, context),
    getTimeToFirstValue(user, params, context),
    getHandoffMeasures(user, params, context),
    getCsmLoad(user, params),
    getExpansionPipeline(user, params),
    seesExpansionCredit(user) ? getExpansionCredit(user, params, context) : Promise.resolve(null),
    cutOptions(user),
  ]);
  return {
    period: resolvePeriod(params.period, context.today, params.from, params.to),
    today: context.today,
    targets: context.settings.targets,
    definitions: measureDefinitions(context.settings),
    scopeNote: scopeNote(user),
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
  };
}

/** The CSMs and AEs the user may cut by: a CS manager only their team's CSMs, a CSM only themselves. */
async function cutOptions(user: ActingUser): Promise<Dashboard["options"]> {
  const locked = csmCutLocked(user);
  const csmWhere: Prisma.UserWhereInput = locked ? { id: user.id } : { role: "CSM", ...teamCsms(user) };
  const [csms, aes] = await Promise.all([
    prisma.user.findMany({ where: csmWhere, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    prisma.user.findMany({ where: { role: "AE" }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  return { csms, aes, csmLocked: locked };
}
