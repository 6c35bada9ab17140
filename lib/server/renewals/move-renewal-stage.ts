import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { RenewalStage } from "@/lib/generated/prisma/enums";
import { RENEWAL_STAGE_LABELS } from "@/lib/labels";
import { companyToday } from "@/lib/calendar/company-day";
import { dollarsToCents, moveStageSchema, type MoveStageInput } from "@/lib/renewals/forms";
import { stageMoveError, type ClosingMovement } from "@/lib/renewals/stages";
import { assertCanManageAccount, findVisibleAccount } from "@/lib/server/accounts/access";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { closeRenewals, lockOpenRenewals } from "@/lib/server/renewals/close-renewal";
import { getSettings } from "@/lib/server/settings/get-settings";

// Moving a renewal through the pipeline. Only the account's CSM, CS managers and admins move stages (AEs and
// leadership are refused here, whatever the page shows). Closing writes the ledger's movements and, when won, opens
// the next term (lib/server/renewals/close-renewal.ts) in the same transaction, audited.

export const STAGE_MOVER_ROLES = ["CSM", "CS_MANAGER", "ADMIN"] as const;

export interface StageMoveResult {
  renewalId: string;
  from: RenewalStage;
  to: RenewalStage;
  movements: ClosingMovement[];
  /** Closed won: the next term's renewal opportunity. */
  nextRenewalId: string | null;
}

/** `tx`: run inside the caller's transaction (the API's Idempotency-Key claim). */
export async function moveRenewalStage(actor: ActingUser, input: MoveStageInput, now = new Date(), outer?: Tx): Promise<StageMoveResult> {
  assertRole(actor, STAGE_MOVER_ROLES);
  const parsed = moveStageSchema.parse(input);
  const settings = await getSettings(outer);
  const work = async (tx: Tx): Promise<StageMoveResult> => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RenewalOpportunity" WHERE id = ${parsed.renewalId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("The renewal");
    const renewal = await tx.renewalOpportunity.findUniqueOrThrow({ where: { id: parsed.renewalId }, select: { id: true, stage: true, accountId: true } });
    const account = await findVisibleAccount(actor, renewal.accountId, tx);
    assertCanManageAccount(actor, account, "move this renewal");
    const refusal = stageMoveError(renewal.stage, parsed.stage);
    if (refusal) throw new AppError("CONFLICT", refusal);

    let movements: ClosingMovement[] = [];
    let nextRenewalId: string | null = null;
    const outcome = parsed.stage === "CLOSED_WON" || parsed.stage === "CLOSED_LOST" ? parsed.stage : null;
    if (outcome) {
      const closed = await closeRenewals(
        tx,
        { actorId: actor.id, now, today: companyToday(now, settings.calendar.timezone), settings },
        await lockOpenRenewals(tx, [renewal.id]),
        {
          outcome,
          closedAmountCents: outcome === "CLOSED_WON" ? dollarsToCents(parsed.closedAmount) : null,
          termMonths: parsed.termMonths,
          productIds: parsed.productIds,
          reason: parsed.reason,
          reasonNote: parsed.reasonNote,
          addressable: parsed.addressable,
        },
      );
      movements = closed.movements;
      nextRenewalId = closed.nextRenewalId;
    } else {
      await tx.renewalOpportunity.update({ where: { id: renewal.id }, data: { stage: parsed.stage } });
    }
    if (renewal.stage === "RENEWAL_PENDING") await completeRenewalHandoff(tx, renewal.id, now);

    await recordAudit(tx, {
      actorId: actor.id,
      action: outcome ? "renewal.closed" : "renewal.stage_changed",
      entityType: "RenewalOpportunity",
      entityId: renewal.id,
      data: {
        accountId: renewal.accountId,
        from: renewal.stage,
        to: parsed.stage,
        summary: `${RENEWAL_STAGE_LABELS[renewal.stage]} → ${RENEWAL_STAGE_LABELS[parsed.stage]}`,
        closedAmountCents: outcome === "CLOSED_WON" ? String(dollarsToCents(parsed.closedAmount)) : outcome ? "0" : null,
        movements: movements.map((m) => ({ type: m.type, amountCents: String(m.amountCents) })),
        nextRenewalId,
        ...(parsed.reason ? { reason: parsed.reason, addressable: parsed.addressable ?? null } : {}),
      },
    });
    return { renewalId: renewal.id, from: renewal.stage, to: parsed.stage, movements, nextRenewalId };
  };
  return outer ? work(outer) : prisma.$transaction(work);
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
