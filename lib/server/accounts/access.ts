import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";
import { canManageAccount } from "@/lib/server/accounts/permissions";

// Who sees which accounts — and so their renewals, touchpoints and timeline — as a `where`, so a query cannot
// forget it: a CSM the accounts assigned to them; an AE the accounts they are the AE of or sold a deal to;
// CS managers, leadership and admins every account. Writes are narrower: see permissions.ts.

export function visibleAccounts(actor: ActingUser): Prisma.AccountWhereInput {
  switch (actor.role) {
    case "CSM":
      return { csmId: actor.id };
    case "AE":
      return { OR: [{ aeId: actor.id }, { deals: { some: { ownerId: actor.id } } }] };
    case "CS_MANAGER":
    case "LEADERSHIP":
    case "ADMIN":
      return {};
  }
}

/** The same rule for raw SQL, on the account aliased `a`: a condition to AND into a WHERE. */
export function visibleAccountsSql(actor: ActingUser): Prisma.Sql {
  switch (actor.role) {
    case "CSM":
      return Prisma.sql`a."csmId" = ${actor.id}`;
    case "AE":
      return Prisma.sql`(a."aeId" = ${actor.id} OR EXISTS (SELECT 1 FROM "Deal" d WHERE d."accountId" = a."id" AND d."ownerId" = ${actor.id}))`;
    case "CS_MANAGER":
    case "LEADERSHIP":
    case "ADMIN":
      return Prisma.sql`TRUE`;
  }
}

export interface AccountAccess {
  id: string;
  name: string;
  csmId: string | null;
  aeId: string | null;
}

/** An account the actor may see; one they may not see is "not found", so its existence does not leak. */
export async function findVisibleAccount(actor: ActingUser, accountId: string, tx: Tx = prisma): Promise<AccountAccess> {
  const account = await tx.account.findFirst({
    where: { AND: [{ id: accountId }, visibleAccounts(actor)] },
    select: { id: true, name: true, csmId: true, aeId: true },
  });
  if (!account) throw notFound("The account");
  return account;
}

export function assertCanManageAccount(actor: ActingUser, account: Pick<AccountAccess, "csmId">, what = "change this account"): void {
  if (!canManageAccount(actor, account)) throw forbidden(`Only the account's CSM or a CS manager can ${what}.`);
}
