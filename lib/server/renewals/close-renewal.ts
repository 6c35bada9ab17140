import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toIsoDate } from "@/lib/dates";
import { readLossReason, type LossReason } from "@/lib/renewals/loss-reason";
import { closingMovements, LOSS_MOVEMENT_TYPES, OPEN_RENEWAL_STAGES, type ClosingMovement } from "@/lib/renewals/stages";
import type { Settings } from "@/lib/settings/schema";
import { scheduleTouchpoints } from "@/lib/touchpoints/schedule";
import { arrOn, pinLedgerDay } from "@/lib/server/ledger/ledger-day";
import { refuseLedgerBreach } from "@/lib/server/ledger/ledger-error";
import { createRenewalOpportunity } from "@/lib/server/renewals/open-renewal-pipeline";

// Closing renewals: the ledger's movements (lib/renewals/stages.ts) dated on the renewal date, and — when won — the
// renewal deal that carries the next term with its own renewal opportunity and renewal-side touchpoints, all in the
// caller's transaction. The caller holds the renewal rows' locks and has checked who may close them.
//
// A renewal is usually one opportunity. A CRM renewal deal may renew co-termed ones together (the contract and the
// expansions that renew on its date): they close as one contract at the deal's amount and continue as one next term.

export interface CloseRenewalInput {
  outcome: "CLOSED_WON" | "CLOSED_LOST";
  /** Won: the renewed ARR, P. */
  closedAmountCents?: bigint | null;
  /** Won: the renewed term in months; default the contract's term. */
  termMonths?: number | null;
  /** Won: the products renewed; default the renewal's products. */
  productIds?: string[] | null;
  reason?: string | null;
  reasonNote?: string | null;
  addressable?: boolean | null;
}

export interface CloseRenewalContext {
  actorId: string | null;
  now: Date;
  /** The company day the renewal closes on. */
  today: Date;
  settings: Settings;
  /** Losses that arrive from the CRM cannot carry a reason: they are recorded without one instead of refused. */
  reasonOptional?: boolean;
}

export interface OpenRenewal {
  id: string;
  accountId: string;
  name: string;
  stage: string;
  amountCents: bigint;
  renewalDate: Date;
  contractTermMonths: number;
  originalDealId: string;
  productIds: string[];
}

export interface CloseRenewalResult {
  movements: ClosingMovement[];
  /** Won: the renewal deal that carries the next term. */
  renewalDealId: string | null;
  /** Won: the next term's renewal opportunity. */
  nextRenewalId: string | null;
  lossReason: LossReason | null;
}

const RENEWAL_SIDE = new Set(["RENEWAL_PLANNING", "RENEWAL_CALL", "RENEWAL_CLOSE"]);

/** Locks and reads renewals for closing; refuses ones that are closed or not found. */
export async function lockOpenRenewals(tx: Tx, ids: readonly string[]): Promise<OpenRenewal[]> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RenewalOpportunity" WHERE id = ANY(${[...ids]}::text[]) ORDER BY id FOR UPDATE`;
  if (locked.length !== ids.length) throw new AppError("NOT_FOUND", "The renewal was not found.");
  const rows = await tx.renewalOpportunity.findMany({
    where: { id: { in: [...ids] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, accountId: true, name: true, stage: true, amountCents: true, renewalDate: true, contractTermMonths: true, originalDealId: true,
      products: { select: { productId: true } },
    },
  });
  for (const row of rows) {
    if (!OPEN_RENEWAL_STAGES.includes(row.stage)) throw new AppError("CONFLICT", "This renewal is closed; its outcome and ARR movements are final.");
  }
  return rows.map(({ products, ...row }) => ({ ...row, productIds: products.map((p) => p.productId) }));
}

export async function closeRenewals(tx: Tx, context: CloseRenewalContext, renewals: readonly OpenRenewal[], input: CloseRenewalInput, renewalDealId?: string): Promise<CloseRenewalResult> {
  const first = renewals[0];
  if (!first) throw new Error("closeRenewals needs at least one renewal");
  const { accountId, renewalDate } = first;
  if (renewals.some((r) => r.accountId !== accountId || r.renewalDate.getTime() !== renewalDate.getTime())) {
    throw new Error("Renewals closed together belong to one account and renewal date");
  }
  await pinLedgerDay(tx, context.today);
  // The account's row lock: two renewals of one account closing at once read each other's movements.
  await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${accountId} FOR UPDATE`;
  const otherContracts = await tx.renewalOpportunity.count({
    where: { accountId, id: { notIn: renewals.map((r) => r.id) }, stage: { in: [...OPEN_RENEWAL_STAGES] } },
  });
  const won = input.outcome === "CLOSED_WON";
  const contractArrCents = renewals.reduce((sum, r) => sum + r.amountCents, 0n);
  const closing = closingMovements({
    outcome: input.outcome,
    contractArrCents,
    closedAmountCents: won ? (input.closedAmountCents ?? null) : null,
    accountArrCents: await arrOn(tx, accountId, renewalDate),
    otherContracts: otherContracts > 0,
  });
  const lossReason = closing.needsReason ? readReason(input, context) : null;

  const renewalDeal = won ? (renewalDealId ?? (await createRenewalDeal(tx, context, first, input))) : null;
  const nextRenewalId = renewalDeal ? await openNextTerm(tx, context, renewalDeal, accountId) : null;

  await markClosed(tx, context, renewals, input, renewalDeal, contractArrCents, lossReason);
  if (closing.movements.length > 0) {
    await refuseLedgerBreach(() =>
      tx.arrMovement.createMany({
        data: closing.movements.map((movement) => ({
          accountId,
          date: renewalDate,
          type: movement.type,
          amountCents: movement.amountCents,
          sourceDealId: renewalDeal,
          renewalOpportunityId: first.id,
          ...(LOSS_MOVEMENT_TYPES.includes(movement.type) && lossReason
            ? { reason: lossReason.reason, reasonNote: lossReason.note, addressable: lossReason.addressable }
            : {}),
        })),
      }),
      won ? "closedAmount" : "stage",
    );
  }
  // The closed renewals' touchpoints still planned are moot once the outcome is known.
  await tx.touchpoint.updateMany({ where: { renewalOpportunityId: { in: renewals.map((r) => r.id) }, status: "PLANNED" }, data: { status: "CANCELLED" } });
  return { movements: closing.movements, renewalDealId: renewalDeal, nextRenewalId, lossReason };
}

function readReason(input: CloseRenewalInput, context: CloseRenewalContext): LossReason | null {
  if (context.reasonOptional && !input.reason) return null;
  const read = readLossReason({ reason: input.reason, note: input.reasonNote, addressable: input.addressable }, context.settings.revenue.lossReasons);
  if (!read.ok) {
    const what = input.outcome === "CLOSED_LOST" ? "A lost renewal" : "A renewal won at less than its ARR (a downsell)";
    throw new AppError("VALIDATION", `${what} needs the reason and whether it was addressable.`, read.fieldErrors);
  }
  return read.value;
}

/**
 * The next term of a renewal that closed won without one (closed before the ledger opened next terms): its renewal
 * deal at the closed amount and the next term. Used by `npm run ledger:repair`; does nothing once the renewal has its deal.
 */
export async function continueClosedRenewal(tx: Tx, context: CloseRenewalContext, renewalId: string): Promise<string | null> {
  const row = await tx.renewalOpportunity.findUniqueOrThrow({
    where: { id: renewalId },
    select: {
      id: true, accountId: true, name: true, stage: true, amountCents: true, renewalDate: true, contractTermMonths: true, originalDealId: true,
      closedAmountCents: true, renewedByDealId: true, products: { select: { productId: true } },
    },
  });
  if (row.stage !== "CLOSED_WON" || row.renewedByDealId) return null;
  const renewal: OpenRenewal = { ...row, productIds: row.products.map((p) => p.productId) };
  const dealId = await createRenewalDeal(tx, context, renewal, { outcome: "CLOSED_WON", closedAmountCents: row.closedAmountCents ?? row.amountCents });
  await tx.renewalOpportunity.update({ where: { id: row.id }, data: { renewedByDealId: dealId } });
  return openNextTerm(tx, context, dealId, row.accountId);
}

/** The renewal deal Baton writes for a renewal won in Baton: the contract of the next term, owned by the contract's AE. */
async function createRenewalDeal(tx: Tx, context: CloseRenewalContext, renewal: OpenRenewal, input: CloseRenewalInput): Promise<string> {
  const original = await tx.deal.findUniqueOrThrow({
    where: { id: renewal.originalDealId },
    select: { ownerId: true, account: { select: { name: true } } },
  });
  const termMonths = input.termMonths ?? renewal.contractTermMonths;
  const productIds = input.productIds ?? renewal.productIds;
  const deal = await tx.deal.create({
    data: {
      externalId: `BATON-RENEWAL-${renewal.id}`,
      accountId: renewal.accountId,
      name: `${original.account.name} — Renewal ${toIsoDate(renewal.renewalDate)}`,
      type: "RENEWAL",
      stage: "CLOSED_WON",
      amountCents: input.closedAmountCents ?? renewal.amountCents,
      termMonths,
      closeDate: context.today,
      contractStart: renewal.renewalDate,
      ownerId: original.ownerId,
      closedWonAt: context.now,
      products: { create: productIds.map((productId) => ({ productId })) },
    },
    select: { id: true },
  });
  return deal.id;
}

/** The next term: a renewal opportunity from the renewal deal (once — the original deal is unique), with its renewal-side touchpoints. */
async function openNextTerm(tx: Tx, context: CloseRenewalContext, dealId: string, accountId: string): Promise<string> {
  const deal = await tx.deal.findUniqueOrThrow({
    where: { id: dealId },
    select: {
      id: true, name: true, amountCents: true, termMonths: true, closeDate: true, contractStart: true,
      products: { select: { productId: true } },
      account: { select: { name: true, csmId: true } },
      renewal: { select: { id: true } },
    },
  });
  if (deal.renewal) return deal.renewal.id;
  const next = await createRenewalOpportunity(tx, accountId, {
    id: deal.id,
    name: deal.name,
    accountName: deal.account.name,
    amountCents: deal.amountCents,
    termMonths: deal.termMonths,
    closeDate: deal.closeDate,
    contractStart: deal.contractStart,
    productIds: deal.products.map((p) => p.productId),
  });
  const touchpoints = scheduleTouchpoints({
    closeDate: context.today,
    renewalDate: next.renewalDate,
    timing: context.settings.timing,
    calendar: context.settings.calendar,
    today: context.today,
  }).filter((touchpoint) => RENEWAL_SIDE.has(touchpoint.type));
  await tx.touchpoint.createMany({
    data: touchpoints.map((touchpoint) => ({
      accountId,
      sourceDealId: deal.id,
      renewalOpportunityId: next.renewalId,
      type: touchpoint.type,
      ruleDate: touchpoint.ruleDate,
      dueDate: touchpoint.dueDate,
      asapFlag: touchpoint.asap,
      aeInvited: touchpoint.aeInvited,
      ownerId: deal.account.csmId,
    })),
    skipDuplicates: true,
  });
  return next.renewalId;
}

async function markClosed(
  tx: Tx,
  context: CloseRenewalContext,
  renewals: readonly OpenRenewal[],
  input: CloseRenewalInput,
  renewalDealId: string | null,
  contractArrCents: bigint,
  lossReason: LossReason | null,
): Promise<void> {
  const won = input.outcome === "CLOSED_WON";
  const closed = won ? (input.closedAmountCents ?? 0n) : 0n;
  // Co-termed renewals share the renewed amount in proportion to what each renewed; the last takes the remainder.
  let left = closed;
  for (const [index, renewal] of renewals.entries()) {
    const part = index === renewals.length - 1 || contractArrCents === 0n ? left : (closed * renewal.amountCents) / contractArrCents;
    left -= part;
    await tx.renewalOpportunity.update({
      where: { id: renewal.id },
      data: {
        stage: input.outcome,
        closedAmountCents: part,
        closedAt: context.now,
        renewedByDealId: renewalDealId,
        lossReason: lossReason?.reason ?? null,
        lossNote: lossReason?.note ?? "",
        lossAddressable: lossReason?.addressable ?? null,
      },
    });
  }
}
