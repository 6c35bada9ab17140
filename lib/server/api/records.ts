import "server-only";
import type { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toIsoDate } from "@/lib/dates";
import { centsToDollars } from "@/lib/imports/fields";
import type { accountOutput, closeWonOutput, contactOutput, dealOutput } from "@/lib/api/schemas";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { visibleDeals } from "@/lib/server/deals/deal-access";

// Single records as the API returns them (money as dollar strings, dates as YYYY-MM-DD).

type AccountOut = z.input<typeof accountOutput>;
type ContactOut = z.input<typeof contactOutput>;
type DealOut = z.input<typeof dealOutput>;

export async function readAccount(actor: ActingUser, externalId: string): Promise<AccountOut> {
  assertRole(actor, ["ADMIN", "CS_MANAGER", "LEADERSHIP"]);
  const account = await prisma.account.findUnique({ where: { externalId }, include: { csm: { select: { email: true } } } });
  if (!account) throw notFound("The account");
  return {
    id: account.id,
    externalId: account.externalId,
    name: account.name,
    segment: account.segment,
    industry: account.industry,
    region: account.region,
    timezone: account.timezone,
    primaryLanguage: account.primaryLanguage,
    strategic: account.strategic,
    needsOnsite: account.needsOnsite,
    healthScore: account.healthScore,
    usagePct: Number(account.usagePct),
    expansionPotential: centsToDollars(account.expansionPotentialCents),
    arr: centsToDollars(account.arrCents),
    csmEmail: account.csm?.email ?? null,
  };
}

export async function readContact(actor: ActingUser, accountExternalId: string, email: string): Promise<ContactOut> {
  assertRole(actor, ["ADMIN", "CS_MANAGER", "LEADERSHIP"]);
  const contact = await prisma.contact.findFirst({ where: { email: email.toLowerCase(), account: { externalId: accountExternalId } } });
  if (!contact) throw notFound("The contact");
  return {
    id: contact.id,
    accountExternalId,
    name: contact.name,
    title: contact.title,
    role: contact.role,
    email: contact.email,
    priority: contact.priority,
    notes: contact.notes,
  };
}

/** An AE reads their own deals only; anyone else's is "not found", so its existence does not leak. */
export async function readDeal(actor: ActingUser, externalId: string): Promise<DealOut> {
  assertRole(actor, ["ADMIN", "CS_MANAGER", "LEADERSHIP", "AE"]);
  const deal = await prisma.deal.findFirst({
    where: { AND: [{ externalId }, visibleDeals(actor)] },
    include: {
      account: { select: { externalId: true } },
      owner: { select: { email: true } },
      products: { select: { product: { select: { name: true } } } },
    },
  });
  if (!deal) throw notFound("The deal");
  return {
    id: deal.id,
    externalId: deal.externalId,
    accountExternalId: deal.account.externalId,
    name: deal.name,
    type: deal.type,
    stage: deal.stage,
    amount: centsToDollars(deal.amountCents),
    termMonths: deal.termMonths,
    closeDate: toIsoDate(deal.closeDate),
    contractStart: deal.contractStart ? toIsoDate(deal.contractStart) : null,
    products: deal.products.map((p) => p.product.name).sort(),
    ownerEmail: deal.owner.email,
    winReason: deal.winReason,
    competitor: deal.competitor,
    painPoints: deal.painPoints,
    risks: deal.risks,
    technicalRequirements: deal.technicalRequirements,
    integrations: deal.integrations,
    closedWonAt: deal.closedWonAt?.toISOString() ?? null,
  };
}

/** The API's close-won: the one closed-won flow, as the token's user (an AE only for their own deal). */
export async function closeWonByExternalId(
  actor: ActingUser,
  externalId: string,
  options: { tx?: Tx; closedAt?: Date | null } = {},
): Promise<z.input<typeof closeWonOutput>> {
  assertRole(actor, ["ADMIN", "AE"]);
  const db = options.tx ?? prisma;
  const deal = await db.deal.findFirst({ where: { AND: [{ externalId }, visibleDeals(actor)] }, select: { id: true } });
  if (!deal) throw notFound("The deal");
  const result = await closeDealWon(actor, deal.id, { tx: options.tx, closedAt: options.closedAt });
  const renewal = await db.renewalOpportunity.findUnique({ where: { originalDealId: deal.id }, select: { id: true } });
  return { dealId: deal.id, externalId, handoffId: result.handoffId, renewalOpportunityId: renewal?.id ?? null, created: result.created };
}
