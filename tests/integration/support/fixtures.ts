import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/verify-credentials";
import type { Role, Segment } from "@/lib/generated/prisma/enums";
import type { ActingUser } from "@/lib/server/authz";

// Each test creates its own rows with unique names.
const unique = () => randomUUID().slice(0, 8);

export async function createUser(role: Role, overrides: { email?: string; password?: string; active?: boolean } = {}): Promise<ActingUser> {
  const id = unique();
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${id}@example.test`,
      name: `${role} ${id}`,
      role,
      active: overrides.active ?? true,
      passwordHash: overrides.password ? await hashPassword(overrides.password) : null,
    },
    select: { id: true, email: true, name: true, role: true, managerId: true },
  });
  return user;
}

export async function createAccount(overrides: { segment?: Segment; strategic?: boolean; csmId?: string; aeId?: string } = {}) {
  const id = unique();
  return prisma.account.create({
    data: {
      externalId: `ACC-${id}`,
      name: `Account ${id}`,
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
