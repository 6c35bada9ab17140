import type { ActingUser } from "@/lib/server/authz";

// The deal decisions, each one predicate used by the page (to show a control) and by the write (to allow it).
// Pure, so they are unit-tested; which deals a person reads is the `where` of deal-access.ts.

type Actor = Pick<ActingUser, "id" | "role">;

/** A deal is marked closed-won by its owner (the AE who sold it) or a RevOps admin. */
export function canCloseDeal(actor: Actor, deal: { ownerId: string | null }): boolean {
  switch (actor.role) {
    case "ADMIN":
      return true;
    case "AE":
      return deal.ownerId === actor.id;
    case "CSM":
    case "CS_MANAGER":
    case "LEADERSHIP":
      return false;
  }
}

/** An AE works their own deals only: their list says "My deals". */
export function seesOwnDealsOnly(actor: Actor): boolean {
  return actor.role === "AE";
}
