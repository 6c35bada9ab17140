import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";

/** Deals a person may see: an AE their own, a CSM those of their accounts, everyone else all. */
export function visibleDeals(actor: ActingUser): Prisma.DealWhereInput {
  if (actor.role === "AE") return { ownerId: actor.id };
  if (actor.role === "CSM") return { account: { csmId: actor.id } };
  return {};
}
