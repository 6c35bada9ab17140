import "server-only";
import type { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDate } from "@/lib/dates";
import { centsToDollars } from "@/lib/imports/fields";
import { effectiveForecast } from "@/lib/forecast/categories";
import { decisionDate } from "@/lib/forecast/terms";
import type { renewalCloseLostInput, renewalCloseOutput, renewalCloseWonInput, renewalOutput, renewalStageInput, renewalTermsInput } from "@/lib/api/schemas";
import { updateContractTerms } from "@/lib/server/forecast/update-contract-terms";
import { seesOwnBookOnly } from "@/lib/server/accounts/permissions";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { moveRenewalStage, STAGE_MOVER_ROLES } from "@/lib/server/renewals/move-renewal-stage";
import { productsByName } from "@/lib/server/imports/references";

// The renewal endpoints of /api/v1 (for the CRM and RevOps scripts): the same function as the renewals page
// (moveRenewalStage), so the API moves and closes renewals with the same rules, roles and ledger writes.

type RenewalOut = z.input<typeof renewalOutput>;

export const renewalInclude = {
  originalDeal: { select: { externalId: true } },
  account: { select: { externalId: true, name: true, csm: { select: { email: true } } } },
  products: { select: { product: { select: { name: true } } } },
  renewedByDeal: { select: { renewal: { select: { id: true } } } },
  forecast: { select: { category: true, amountCents: true, outcome: true, overrideCategory: true, overrideAmountCents: true, overrideOutcome: true } },
} satisfies Prisma.RenewalOpportunityInclude;

type RenewalWithRefs = Prisma.RenewalOpportunityGetPayload<{ include: typeof renewalInclude }>;

export function renewalOut(r: RenewalWithRefs): RenewalOut {
  return {
    id: r.id,
    originalDealExternalId: r.originalDeal.externalId,
    accountExternalId: r.account.externalId,
    accountName: r.account.name,
    name: r.name,
    stage: r.stage,
    amount: centsToDollars(r.amountCents),
    renewalDate: toIsoDate(r.renewalDate),
    originalCloseDate: toIsoDate(r.originalCloseDate),
    contractTermMonths: r.contractTermMonths,
    products: r.products.map((p) => p.product.name).sort(),
    csmEmail: r.account.csm?.email ?? null,
    closedAmount: r.closedAmountCents === null ? null : centsToDollars(r.closedAmountCents),
    closedAt: r.closedAt?.toISOString() ?? null,
    lossReason: r.lossReason,
    lossAddressable: r.lossAddressable,
    nextRenewalId: r.renewedByDeal?.renewal?.id ?? null,
    autoRenew: r.autoRenew,
    noticeDays: r.noticeDays,
    upliftPct: r.upliftPct.toString(),
    decisionDate: toIsoDate(decisionDate({ renewalDate: r.renewalDate, noticeDays: r.noticeDays })),
    forecast: r.forecast ? forecastOut(r.forecast) : null,
  };
}

function forecastOut(stored: NonNullable<RenewalWithRefs["forecast"]>): NonNullable<RenewalOut["forecast"]> {
  const call = effectiveForecast(stored);
  return { category: call.category, amount: centsToDollars(call.amountCents), outcome: call.outcome, overridden: call.overridden };
}

/** Leadership, CS managers and admins see every renewal; a CSM those of their own accounts; anyone else's is "not found". */
export function visibleRenewals(actor: ActingUser): Prisma.RenewalOpportunityWhereInput {
  return seesOwnBookOnly(actor) ? { account: { csmId: actor.id } } : {};
}

export async function readRenewal(actor: ActingUser, id: string, tx: Tx = prisma): Promise<RenewalOut> {
  assertRole(actor, ["ADMIN", "CS_MANAGER", "LEADERSHIP", "CSM"]);
  const renewal = await tx.renewalOpportunity.findFirst({ where: { AND: [{ id }, visibleRenewals(actor)] }, include: renewalInclude });
  if (!renewal) throw notFound("The renewal");
  return renewalOut(renewal);
}

export async function moveRenewalForApi(actor: ActingUser, id: string, body: z.output<typeof renewalStageInput>): Promise<RenewalOut> {
  assertRole(actor, STAGE_MOVER_ROLES);
  await moveRenewalStage(actor, { renewalId: id, stage: body.stage });
  return readRenewal(actor, id);
}

export async function setRenewalTermsForApi(actor: ActingUser, id: string, body: z.output<typeof renewalTermsInput>): Promise<RenewalOut> {
  assertRole(actor, STAGE_MOVER_ROLES);
  await updateContractTerms(actor, { renewalId: id, ...body });
  return readRenewal(actor, id);
}

type CloseOut = z.input<typeof renewalCloseOutput>;

async function closed(actor: ActingUser, id: string, result: Awaited<ReturnType<typeof moveRenewalStage>>, tx?: Tx): Promise<CloseOut> {
  const renewal = await readRenewal(actor, id, tx);
  return {
    renewal,
    movements: result.movements.map((movement) => ({ type: movement.type, amount: centsToDollars(movement.amountCents), date: renewal.renewalDate })),
  };
}

export async function closeRenewalWonForApi(actor: ActingUser, id: string, body: z.output<typeof renewalCloseWonInput>, tx?: Tx): Promise<CloseOut> {
  assertRole(actor, STAGE_MOVER_ROLES);
  let productIds: string[] | undefined;
  if (body.products) {
    const products = await productsByName(prisma, body.products);
    const missing = body.products.filter((name) => !products.has(name));
    if (missing.length > 0) throw new AppError("VALIDATION", "Some products do not exist.", { products: [`unknown product${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`] });
    productIds = body.products.map((name) => products.get(name)!);
  }
  const result = await moveRenewalStage(actor, {
    renewalId: id,
    stage: "CLOSED_WON",
    closedAmount: body.amount,
    termMonths: body.termMonths,
    productIds,
    reason: body.reason,
    reasonNote: body.reasonNote,
    addressable: body.addressable,
  }, new Date(), tx);
  return closed(actor, id, result, tx);
}

export async function closeRenewalLostForApi(actor: ActingUser, id: string, body: z.output<typeof renewalCloseLostInput>, tx?: Tx): Promise<CloseOut> {
  assertRole(actor, STAGE_MOVER_ROLES);
  const result = await moveRenewalStage(actor, { renewalId: id, stage: "CLOSED_LOST", reason: body.reason, reasonNote: body.reasonNote, addressable: body.addressable }, new Date(), tx);
  return closed(actor, id, result, tx);
}
