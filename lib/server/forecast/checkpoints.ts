import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { CATEGORY_LABELS } from "@/lib/forecast/categories";
import { disagrees } from "@/lib/forecast/checkpoint";
import { decideCheckpointSchema, recordCheckpointSchema, type DecideCheckpointInput, type RecordCheckpointInput } from "@/lib/forecast/forms";
import { outcomeForAmount } from "@/lib/forecast/terms";
import { formatCentsWhole } from "@/lib/format";
import type { CheckpointStatus } from "@/lib/generated/prisma/enums";
import { dollarsToCents } from "@/lib/renewals/forms";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { canOverrideForecast, canSetForecast } from "@/lib/server/forecast/permissions";
import { findForecastRenewal, forecastContext, lockRenewal } from "@/lib/server/forecast/context";
import { writeCsmCall, writeOverride } from "@/lib/server/forecast/set-forecast";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { activeUser, activeUsersWithRole, type Recipient } from "@/lib/server/notifications/recipients";

// A checkpoint (issue 12 §3): the CSM records the call; when it and Baton's likelihood are more than the configured
// gap apart, the renewal goes to the CSM's CS manager (else every CS manager), who decides with a reason. Each step is
// audited; the checkpoint row keeps the CSM's call, Baton's and the decision side by side.

async function lockCheckpoint(tx: Tx, checkpointId: string): Promise<{ id: string; renewalOpportunityId: string; status: CheckpointStatus; daysBefore: number }> {
  const [row] = await tx.$queryRaw<{ id: string; renewalOpportunityId: string; status: CheckpointStatus; daysBefore: number }[]>`
    SELECT id, "renewalOpportunityId", status::text AS status, "daysBefore" FROM "ForecastCheckpoint" WHERE id = ${checkpointId}`;
  if (!row) throw notFound("The checkpoint");
  // The renewal's lock first (the order every forecast write takes), then the checkpoint's.
  await lockRenewal(tx, row.renewalOpportunityId);
  const [locked] = await tx.$queryRaw<{ status: CheckpointStatus }[]>`SELECT status::text AS status FROM "ForecastCheckpoint" WHERE id = ${checkpointId} FOR UPDATE`;
  return { ...row, status: locked?.status ?? row.status };
}

/** The CS managers a disagreement goes to: the CSM's manager when they are an active CS manager, else every CS manager. */
export async function checkpointManagers(tx: Tx, csmId: string | null): Promise<Recipient[]> {
  const csm = await activeUser(tx, csmId);
  const manager = await activeUser(tx, csm?.managerId);
  if (manager) {
    const isCsManager = await tx.user.count({ where: { id: manager.id, role: "CS_MANAGER" } });
    if (isCsManager > 0) return [manager];
  }
  return activeUsersWithRole(tx, "CS_MANAGER");
}

export interface RecordResult {
  status: CheckpointStatus;
  batonScore: number;
  batonCategory: string;
}

export async function recordCheckpoint(actor: ActingUser, input: RecordCheckpointInput, now = new Date()): Promise<RecordResult> {
  assertRole(actor, ["CSM"]);
  const parsed = recordCheckpointSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    const checkpoint = await lockCheckpoint(tx, parsed.checkpointId);
    const context = await forecastContext(now, tx);
    const renewal = await findForecastRenewal(actor, checkpoint.renewalOpportunityId, context, tx);
    if (!canSetForecast(actor, renewal)) throw forbidden("Only the account's CSM records the call at a checkpoint.");
    if (!renewal.open) throw new AppError("CONFLICT", "This renewal is closed: its forecast is final.");
    if (checkpoint.status !== "OPEN") throw new AppError("CONFLICT", "The call at this checkpoint is already recorded.");
    const amountCents = dollarsToCents(parsed.amount);
    const baton = renewal.likelihood;
    const gap = context.settings.forecast.disagreementGap;
    const split = disagrees(parsed.category, baton.category, gap);
    const managers = split ? await checkpointManagers(tx, renewal.csmId) : [];
    const status: CheckpointStatus = split ? "AWAITING_MANAGER" : "AGREED";
    await tx.forecastCheckpoint.update({
      where: { id: checkpoint.id },
      data: {
        status,
        csmCategory: parsed.category,
        csmAmountCents: amountCents,
        recordedById: actor.id,
        recordedAt: now,
        batonScore: baton.score,
        batonCategory: baton.category,
        managerId: managers.length === 1 ? managers[0]!.id : null,
      },
    });
    await writeCsmCall(tx, actor, renewal.id, { category: parsed.category, amountCents, outcome: parsed.outcome }, now);
    const summary = `${checkpoint.daysBefore}-day checkpoint: CSM ${CATEGORY_LABELS[parsed.category]} at ${formatCentsWhole(amountCents)}, Baton ${CATEGORY_LABELS[baton.category]} (${baton.score})`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "forecast.checkpoint_recorded",
      entityType: "RenewalOpportunity",
      entityId: renewal.id,
      data: { accountId: renewal.accountId, checkpointId: checkpoint.id, summary, status, csmCategory: parsed.category, amountCents: String(amountCents), batonScore: baton.score, batonCategory: baton.category, gap },
    });
    if (split) {
      await recordAlert(tx, {
        key: `forecast-disagreement:${checkpoint.id}`,
        now,
        notifications: managers.map((manager) => ({
          userId: manager.id,
          kind: "forecast_disagreement",
          title: `Forecast call to decide: ${renewal.accountName}`,
          body: `${summary}. The calls are more than ${gap} ${gap === 1 ? "category" : "categories"} apart: decide the forecast and give the reason.`,
          link: `/renewals/${renewal.id}`,
        })),
      });
    }
    return { status, batonScore: baton.score, batonCategory: baton.category };
  });
}

export async function decideCheckpoint(actor: ActingUser, input: DecideCheckpointInput, now = new Date()): Promise<{ status: CheckpointStatus }> {
  if (!canOverrideForecast(actor)) throw forbidden("Only a CS manager decides a checkpoint.");
  const parsed = decideCheckpointSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    const checkpoint = await lockCheckpoint(tx, parsed.checkpointId);
    const context = await forecastContext(now, tx);
    const renewal = await findForecastRenewal(actor, checkpoint.renewalOpportunityId, context, tx);
    if (!renewal.open) throw new AppError("CONFLICT", "This renewal is closed: its forecast is final.");
    if (checkpoint.status !== "AWAITING_MANAGER") {
      throw new AppError("CONFLICT", checkpoint.status === "DECIDED" ? "This checkpoint is already decided." : "Only a checkpoint where the calls disagree waits for a decision.");
    }
    const amountCents = dollarsToCents(parsed.amount);
    const outcome = outcomeForAmount(amountCents, { amountCents: renewal.baseCents, upliftPct: renewal.upliftPct });
    await tx.forecastCheckpoint.update({
      where: { id: checkpoint.id },
      data: { status: "DECIDED", decidedCategory: parsed.category, decidedAmountCents: amountCents, decisionReason: parsed.reason, decidedById: actor.id, decidedAt: now },
    });
    await writeOverride(tx, actor, renewal, { category: parsed.category, amountCents, outcome, reason: parsed.reason }, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "forecast.checkpoint_decided",
      entityType: "RenewalOpportunity",
      entityId: renewal.id,
      data: {
        accountId: renewal.accountId,
        checkpointId: checkpoint.id,
        summary: `${checkpoint.daysBefore}-day checkpoint decided: ${CATEGORY_LABELS[parsed.category]} at ${formatCentsWhole(amountCents)}`,
        category: parsed.category,
        amountCents: String(amountCents),
        reason: parsed.reason,
      },
    });
    return { status: "DECIDED" as const };
  });
}
