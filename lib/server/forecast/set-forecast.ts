import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { parseIsoDate } from "@/lib/dates";
import { AppError, forbidden } from "@/lib/errors";
import { CATEGORY_LABELS } from "@/lib/forecast/categories";
import { overrideForecastSchema, setForecastSchema, type OverrideForecastInput, type SetForecastInput } from "@/lib/forecast/forms";
import { formatCentsWhole } from "@/lib/format";
import { dollarsToCents } from "@/lib/renewals/forms";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { canOverrideForecast, canSetForecast } from "@/lib/server/forecast/permissions";
import { findForecastRenewal, forecastContext, lockRenewal } from "@/lib/server/forecast/context";

// The CSM's call on an open renewal, and the CS manager's override beside it (both kept, with who and when; audited).

function assertOpen(renewal: { open: boolean }): void {
  if (!renewal.open) throw new AppError("CONFLICT", "This renewal is closed: its forecast is final.");
}

export interface CallWrite {
  category: SetForecastInput["category"];
  amountCents: bigint;
  outcome: SetForecastInput["outcome"];
}

/** The CSM's call in the caller's transaction (setForecast, and the call recorded at a checkpoint). */
export async function writeCsmCall(tx: Tx, actor: ActingUser, renewalId: string, call: CallWrite, now: Date, next: { nextStep?: string; nextStepDate?: Date | null } = {}): Promise<void> {
  const data = { category: call.category, amountCents: call.amountCents, outcome: call.outcome, setById: actor.id, setAt: now, ...("nextStep" in next ? { nextStep: next.nextStep } : {}), ...("nextStepDate" in next ? { nextStepDate: next.nextStepDate } : {}) };
  await tx.renewalForecast.upsert({ where: { renewalOpportunityId: renewalId }, create: { renewalOpportunityId: renewalId, ...data }, update: data });
}

export async function setForecast(actor: ActingUser, input: SetForecastInput, now = new Date()): Promise<{ renewalId: string }> {
  assertRole(actor, ["CSM"]);
  const parsed = setForecastSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    await lockRenewal(tx, parsed.renewalId);
    const context = await forecastContext(now, tx);
    const renewal = await findForecastRenewal(actor, parsed.renewalId, context, tx);
    if (!canSetForecast(actor, renewal)) throw forbidden("Only the account's CSM sets the forecast.");
    assertOpen(renewal);
    const amountCents = dollarsToCents(parsed.amount);
    const before = renewal.stored;
    await writeCsmCall(tx, actor, renewal.id, { category: parsed.category, amountCents, outcome: parsed.outcome }, now, {
      nextStep: parsed.nextStep,
      nextStepDate: parsed.nextStepDate ? parseIsoDate(parsed.nextStepDate) : null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "forecast.set",
      entityType: "RenewalOpportunity",
      entityId: renewal.id,
      data: {
        accountId: renewal.accountId,
        summary: `Forecast ${CATEGORY_LABELS[parsed.category]} at ${formatCentsWhole(amountCents)}`,
        from: before ? { category: before.category, amountCents: String(before.amountCents), outcome: before.outcome } : null,
        to: { category: parsed.category, amountCents: String(amountCents), outcome: parsed.outcome },
        nextStep: parsed.nextStep,
        nextStepDate: parsed.nextStepDate || null,
      },
    });
    return { renewalId: renewal.id };
  });
}

export interface OverrideWrite extends CallWrite {
  reason: string;
}

/** The CS manager's override in the caller's transaction (overrideForecast, and a checkpoint decision). */
export async function writeOverride(tx: Tx, actor: ActingUser, renewal: { id: string; call: CallWrite; stored: { category: CallWrite["category"] } | null }, write: OverrideWrite, now: Date): Promise<void> {
  const override = { overrideCategory: write.category, overrideAmountCents: write.amountCents, overrideOutcome: write.outcome, overrideReason: write.reason, overrideById: actor.id, overrideAt: now };
  // Never called: the CSM's side keeps the default call it was overriding (Pipeline, flat), set by nobody.
  await tx.renewalForecast.upsert({
    where: { renewalOpportunityId: renewal.id },
    create: { renewalOpportunityId: renewal.id, category: renewal.call.category, amountCents: renewal.call.amountCents, outcome: renewal.call.outcome, setById: null, setAt: now, ...override },
    update: override,
  });
}

export async function overrideForecast(actor: ActingUser, input: OverrideForecastInput, now = new Date()): Promise<{ renewalId: string }> {
  if (!canOverrideForecast(actor)) throw forbidden("Only a CS manager overrides the forecast.");
  const parsed = overrideForecastSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    await lockRenewal(tx, parsed.renewalId);
    const context = await forecastContext(now, tx);
    const renewal = await findForecastRenewal(actor, parsed.renewalId, context, tx);
    assertOpen(renewal);
    const amountCents = dollarsToCents(parsed.amount);
    await writeOverride(tx, actor, renewal, { category: parsed.category, amountCents, outcome: parsed.outcome, reason: parsed.reason }, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "forecast.overridden",
      entityType: "RenewalOpportunity",
      entityId: renewal.id,
      data: {
        accountId: renewal.accountId,
        summary: `Forecast overridden to ${CATEGORY_LABELS[parsed.category]} at ${formatCentsWhole(amountCents)}`,
        csmCall: renewal.stored ? { category: renewal.stored.category, amountCents: String(renewal.stored.amountCents), outcome: renewal.stored.outcome } : null,
        from: { category: renewal.call.category, amountCents: String(renewal.call.amountCents), outcome: renewal.call.outcome },
        to: { category: parsed.category, amountCents: String(amountCents), outcome: parsed.outcome },
        reason: parsed.reason,
      },
    });
    return { renewalId: renewal.id };
  });
}
