import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";

/** Deals a person may see: an AE their own, a CSM those of their accounts, everyone else all. */
export function visibleDeals(actor: ActingUser): Prisma.DealWhereInput {
  if (actor.role === "AE") return { ownerId: actor.id };
  if (actor.role === "CSM") return { account: { csmId: actor.id } };
  return {};
}

/** The same rule for raw SQL, on the deal aliased `d` joined to its account `a` (tested to agree with visibleDeals). */
export function visibleDealsSql(actor: ActingUser): Prisma.Sql {
  if (actor.role === "AE") return Prisma.sql`d."ownerId" = ${actor.id}`;
  if (actor.role === "CSM") return Prisma.sql`a."csmId" = ${actor.id}`;
  return Prisma.sql`TRUE`;
}
