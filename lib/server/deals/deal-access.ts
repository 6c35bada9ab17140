import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";

/** Deals a person may see: an AE their own, a CSM those of their accounts, everyone else all. */
export function visibleDeals(actor: ActingUser): Prisma.DealWhereInput {
  switch (actor.role) {
    case "AE":
      return { ownerId: actor.id };
    case "CSM":
      return { account: { csmId: actor.id } };
    case "CS_MANAGER":
    case "LEADERSHIP":
    case "ADMIN":
      return {};
  }
}

/** The same rule for raw SQL, on the deal aliased `d` joined to its account `a` (tested to agree with visibleDeals). */
export function visibleDealsSql(actor: ActingUser): Prisma.Sql {
  switch (actor.role) {
    case "AE":
      return Prisma.sql`d."ownerId" = ${actor.id}`;
    case "CSM":
      return Prisma.sql`a."csmId" = ${actor.id}`;
    case "CS_MANAGER":
    case "LEADERSHIP":
    case "ADMIN":
      return Prisma.sql`TRUE`;
  }
}
