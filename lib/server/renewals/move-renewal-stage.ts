import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { RenewalStage } from "@/lib/generated/prisma/enums";
import { RENEWAL_STAGE_LABELS } from "@/lib/labels";
import { dollarsToCents, moveStageSchema, type MoveStageInput } from "@/lib/renewals/forms";
import { closingMovements, isClosedStage, OPEN_RENEWAL_STAGES, stageMoveError, type ClosingMovement } from "@/lib/renewals/stages";
import { assertCanManageAccount, findVisibleAccount } from "@/lib/server/accounts/access";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";

// Moving a renewal through the pipeline. Only the account's CSM, CS managers and admins move stages (AEs and
// leadership are refused here, whatever the page shows). Closing writes the ARR movements of
// lib/renewals/stages.ts and updates Account.arrCents in the same transaction, audited; the movements are dated
// on the renewal date, when the renewed (or lost) contract takes effect.

export const STAGE_MOVER_ROLES = ["CSM", "CS_MANAGER", "ADMIN"] as const;

export interface StageMoveResult {
  renewalId: string;
  from: RenewalStage;
  to: RenewalStage;
  movements: ClosingMovement[];
}

export async function moveRenewalStage(actor: ActingUser, input: MoveStageInput, now = new Date()): Promise<StageMoveResult> {
  assertRole(actor, STAGE_MOVER_ROLES);
  const parsed = moveStageSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RenewalOpportunity" WHERE id = ${parsed.renewalId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("The renewal");
    const renewal = await tx.renewalOpportunity.findUniqueOrThrow({
      where: { id: parsed.renewalId },
      select: { id: true, stage: true, amountCents: true, renewalDate: true, accountId: true },
    });
    const account = await findVisibleAccount(actor, renewal.accountId, tx);
    assertCanManageAccount(actor, account, "move this renewal");
    const refusal = stageMoveError(renewal.stage, parsed.stage);
    if (refusal) throw new AppError("CONFLICT", refusal);

    const closing = isClosedStage(parsed.stage);
    const closedAmountCents = parsed.stage === "CLOSED_WON" ? dollarsToCents(parsed.closedAmount) : parsed.stage === "CLOSED_LOST" ? 0n : null;
    await tx.renewalOpportunity.update({
      where: { id: renewal.id },
      data: { stage: parsed.stage, ...(closing ? { closedAmountCents, closedAt: now } : {}) },
    });
    const movements = closing ? await writeClosingMovements(tx, renewal, parsed.stage as "CLOSED_WON" | "CLOSED_LOST", closedAmountCents) : [];
    if (renewal.stage === "RENEWAL_PENDING") await completeRenewalHandoff(tx, renewal.id, now);

    await recordAudit(tx, {
      actorId: actor.id,
      action: closing ? "renewal.closed" : "renewal.stage_changed",
      entityType: "RenewalOpportunity",
      entityId: renewal.id,
      data: {
        accountId: renewal.accountId,
        from: renewal.stage,
        to: parsed.stage,
        summary: `${RENEWAL_STAGE_LABELS[renewal.stage]} → ${RENEWAL_STAGE_LABELS[parsed.stage]}`,
        closedAmountCents: closedAmountCents === null ? null : String(closedAmountCents),
        movements: movements.map((m) => ({ type: m.type, amountCents: String(m.amountCents) })),
      },
    });
    return { renewalId: renewal.id, from: renewal.stage, to: parsed.stage, movements };
  });
}

async function writeClosingMovements(
  tx: Tx,
  renewal: { id: string; amountCents: bigint; renewalDate: Date; accountId: string },
  outcome: "CLOSED_WON" | "CLOSED_LOST",
  closedAmountCents: bigint | null,
): Promise<ClosingMovement[]> {
  // The account's ARR is read and written under its row lock, so two renewals closing at once add up.
  const [account] = await tx.$queryRaw<{ arrCents: bigint }[]>`SELECT "arrCents" FROM "Account" WHERE id = ${renewal.accountId} FOR UPDATE`;
  const otherOpen = await tx.renewalOpportunity.count({
    where: { accountId: renewal.accountId, id: { not: renewal.id }, stage: { in: [...OPEN_RENEWAL_STAGES] } },
  });
  const { movements, arrDeltaCents } = closingMovements({
    outcome,
    renewalAmountCents: renewal.amountCents,
    closedAmountCents,
    accountArrCents: account?.arrCents ?? 0n,
    otherOpenRenewals: otherOpen > 0,
  });
  if (movements.length > 0) {
    await tx.arrMovement.createMany({
      data: movements.map((movement) => ({
        accountId: renewal.accountId,
        date: renewal.renewalDate,
        type: movement.type,
        amountCents: movement.amountCents,
        renewalOpportunityId: renewal.id,
      })),
    });
  }
  if (arrDeltaCents !== 0n) await tx.account.update({ where: { id: renewal.accountId }, data: { arrCents: { increment: arrDeltaCents } } });
  // The renewal-side touchpoints still planned are moot once the outcome is known.
  await tx.touchpoint.updateMany({ where: { renewalOpportunityId: renewal.id, status: "PLANNED" }, data: { status: "CANCELLED" } });
  return movements;
}

/** Renewal planning has begun: the Renewal handoff (opened 90 days out) is done. */
async function completeRenewalHandoff(tx: Tx, renewalId: string, now: Date): Promise<void> {
  const handoff = await tx.handoff.findUnique({ where: { renewalOpportunityId: renewalId }, select: { id: true, status: true, dueAt: true } });
  if (!handoff || (handoff.status !== "IN_PROGRESS" && handoff.status !== "SUBMITTED")) return;
  await tx.handoff.update({
    where: { id: handoff.id },
    data: { status: "COMPLETED", completedAt: now, completedWithinSla: now.getTime() <= handoff.dueAt.getTime(), version: { increment: 1 } },
  });
}
