import type { ActingUser } from "@/lib/server/authz";

// The search decisions. Pure, so they are unit-tested; records (accounts, deals, handoffs) are found through
// each domain's own `where`.

type Actor = Pick<ActingUser, "role">;

/**
 * People are found by those who have a list of them: admins every user (the Users page), CS managers and
 * leadership the CSMs (the roster). AEs and CSMs have no people list, so no people results.
 */
export function canFindPeople(actor: Actor): boolean {
  return actor.role === "ADMIN" || actor.role === "CS_MANAGER" || actor.role === "LEADERSHIP";
}

/** Only admins find every user (and open them on the Users page); the others find CSMs on the roster. */
export function findsEveryUser(actor: Actor): boolean {
  return actor.role === "ADMIN";
}
