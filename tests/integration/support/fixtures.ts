import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/verify-credentials";
import type { Role, Segment } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/server/authz";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";

// Each test creates its own rows with unique names.
const unique = () => randomUUID().slice(0, 8);

export async function createUser(
  role: Role,
  overrides: { email?: string; password?: string; active?: boolean; managerId?: string; name?: string } = {},
): Promise<ActingUser> {
  const id = unique();
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${id}@example.test`,
      name: overrides.name ?? `${role} ${id}`,
      role,
      active: overrides.active ?? true,
      managerId: overrides.managerId,
      passwordHash: overrides.password ? await hashPassword(overrides.password) : null,
    },
    select: { id: true, email: true, name: true, role: true, managerId: true },
  });
  return user;
}

export async function createAccount(
  overrides: {
    segment?: Segment;
    strategic?: boolean;
    csmId?: string;
    aeId?: string;
    name?: string;
    initialSignedAt?: Date;
    firstValueAt?: Date;
    expansionPotentialCents?: bigint;
  } = {},
) {
  const id = unique();
  return prisma.account.create({
    data: {
      externalId: `ACC-${id}`,
      name: overrides.name ?? `Account ${id}`,
      initialSignedAt: overrides.initialSignedAt,
      firstValueAt: overrides.firstValueAt,
      expansionPotentialCents: overrides.expansionPotentialCents,
      segment: overrides.segment ?? "MID_MARKET",
      industry: "Software",
      region: "NA",
      timezone: "America/New_York",
      primaryLanguage: "English",
      strategic: overrides.strategic ?? false,
      csmId: overrides.csmId,
      aeId: overrides.aeId,
    },
  });
}

export async function createDeal(accountId: string, ownerId: string, overrides: { amountCents?: bigint; stage?: "NEGOTIATION" | "CLOSED_LOST" } = {}) {
  const id = unique();
  return prisma.deal.create({
    data: {
      externalId: `DEAL-${id}`,
      accountId,
      ownerId,
      name: `Deal ${id}`,
      type: "NEW",
      stage: overrides.stage ?? "NEGOTIATION",
      amountCents: overrides.amountCents ?? 6_000_000n,
      termMonths: 12,
      closeDate: new Date("2026-11-20T00:00:00Z"),
    },
  });
}

export async function createProduct(overrides: { name?: string; technical?: boolean } = {}) {
  return prisma.product.create({ data: { name: overrides.name ?? `Product ${unique()}`, technical: overrides.technical ?? false } });
}

export interface CsmFixture {
  name?: string;
  tier?: Segment;
  maxAccounts?: number;
  maxArrCents?: bigint;
  segments?: Segment[];
  industries?: string[];
  region?: string;
  timezone?: string;
  languages?: string[];
  npsScore?: number;
  retentionRate?: number;
  productIds?: string[];
  certifiedProductIds?: string[];
}

/** A CSM user with a profile; defaults match nothing optional about createAccount's account. */
export async function createCsm(overrides: CsmFixture = {}): Promise<ActingUser & { profileId: string }> {
  const id = unique();
  const user = await prisma.user.create({
    data: { email: `csm-${id}@example.test`, name: overrides.name ?? `CSM ${id}`, role: "CSM" },
    select: { id: true, email: true, name: true, role: true, managerId: true },
  });
  const profile = await prisma.csmProfile.create({
    data: {
      userId: user.id,
      tier: overrides.tier ?? "MID_MARKET",
      maxAccounts: overrides.maxAccounts ?? 30,
      maxArrCents: overrides.maxArrCents ?? 200_000_000n,
      segments: overrides.segments ?? [],
      industries: overrides.industries ?? [],
      region: overrides.region ?? "NA",
      timezone: overrides.timezone ?? "Europe/London",
      languages: overrides.languages ?? [],
      npsScore: overrides.npsScore ?? 0,
      retentionRate: overrides.retentionRate ?? 0,
      productExpertise: { create: (overrides.productIds ?? []).map((productId) => ({ productId })) },
      certifications: { create: (overrides.certifiedProductIds ?? []).map((productId) => ({ productId })) },
    },
    select: { id: true },
  });
  return { ...user, profileId: profile.id };
}

/** `count` existing accounts in the CSM's book, each with `arrCents` of ARR. */
export async function fillBook(csmId: string, count: number, arrCents: bigint, segment: Segment = "MID_MARKET"): Promise<void> {
  const id = unique();
  await prisma.account.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      externalId: `BOOK-${id}-${index}`,
      name: `Book ${id} ${index}`,
      segment,
      industry: "Retail",
      region: "NA",
      timezone: "America/Chicago",
      primaryLanguage: "English",
      arrCents,
      csmId,
    })),
  });
}

/**
 * A closed-won deal with its renewal opportunity, written directly (not through closeDealWon) so a test can
 * put the renewal at any date.
 */
export async function createRenewal(
  accountId: string,
  ownerId: string,
  overrides: { renewalDate: Date; amountCents?: bigint; stage?: "RENEWAL_PENDING" | "PLANNING" | "NEGOTIATION" | "COMMITTED" | "CLOSED_WON" | "CLOSED_LOST" },
) {
  const amountCents = overrides.amountCents ?? 6_000_000n;
  const deal = await createDeal(accountId, ownerId, { amountCents });
  await prisma.deal.update({ where: { id: deal.id }, data: { stage: "CLOSED_WON", closedWonAt: deal.closeDate } });
  return prisma.renewalOpportunity.create({
    data: {
      accountId,
      originalDealId: deal.id,
      name: `Renewal ${unique()}`,
      amountCents,
      renewalDate: overrides.renewalDate,
      stage: overrides.stage ?? "RENEWAL_PENDING",
      originalCloseDate: deal.closeDate,
      contractTermMonths: 12,
    },
  });
}

/** Closes a new-business or expansion deal won through the one flow and returns the handoff it opened. */
export async function closeToHandoff(...args: Parameters<typeof closeDealWon>): Promise<string> {
  const { handoffId } = await closeDealWon(...args);
  if (!handoffId) throw new Error("closeDealWon opened no handoff (a renewal deal?)");
  return handoffId;
}
