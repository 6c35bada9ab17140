import "server-only";
import { prisma } from "@/lib/db";
import type { CheckpointStatus, ForecastCategory } from "@/lib/generated/prisma/enums";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { canEditTerms, canOverrideForecast, canSetForecast, FORECAST_READ_ROLES } from "@/lib/server/forecast/permissions";
import { findForecastRenewal, forecastContext } from "@/lib/server/forecast/context";
import type { ForecastRenewal } from "@/lib/server/forecast/forecast-rows";

// The renewal page's forecast panel: the renewal with its terms, the call in force, the CSM's call and the override,
// Baton's likelihood with its reasons, every checkpoint, and what the actor may do.

export interface CheckpointView {
  id: string;
  daysBefore: number;
  dueDate: Date;
  status: CheckpointStatus;
  csmCategory: ForecastCategory | null;
  csmAmountCents: bigint | null;
  recordedByName: string | null;
  recordedAt: Date | null;
  batonScore: number | null;
  batonCategory: ForecastCategory | null;
  decidedCategory: ForecastCategory | null;
  decidedAmountCents: bigint | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

export interface RenewalForecastView {
  renewal: ForecastRenewal;
  checkpoints: CheckpointView[];
  can: { setForecast: boolean; override: boolean; editTerms: boolean; recordCheckpoint: boolean; decideCheckpoint: boolean };
}

export async function getRenewalForecast(actor: ActingUser, renewalId: string, now = new Date()): Promise<RenewalForecastView> {
  assertRole(actor, FORECAST_READ_ROLES);
  const context = await forecastContext(now);
  const renewal = await findForecastRenewal(actor, renewalId, context);
  const rows = await prisma.forecastCheckpoint.findMany({
    where: { renewalOpportunityId: renewal.id },
    orderBy: [{ daysBefore: "desc" }],
    include: { recordedBy: { select: { name: true } }, decidedBy: { select: { name: true } } },
  });
  const checkpoints = rows.map(({ recordedBy, decidedBy, ...row }) => ({ ...row, recordedByName: recordedBy?.name ?? null, decidedByName: decidedBy?.name ?? null }));
  const set = renewal.open && canSetForecast(actor, renewal);
  const override = renewal.open && canOverrideForecast(actor);
  return {
    renewal,
    checkpoints,
    can: { setForecast: set, override, editTerms: renewal.open && canEditTerms(actor, renewal), recordCheckpoint: set, decideCheckpoint: override },
  };
}
