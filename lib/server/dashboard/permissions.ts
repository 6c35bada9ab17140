import type { ActingUser } from "@/lib/server/authz";

// The dashboard decisions beside its scope (scope.ts decides which accounts each figure covers).
// Pure, so they are unit-tested.

type Actor = Pick<ActingUser, "role">;

/** The expansion credit of every AE shows on the dashboard of leadership and admins (an AE has their own page). */
export function seesExpansionCredit(actor: Actor): boolean {
  return actor.role === "LEADERSHIP" || actor.role === "ADMIN";
}

/** A CSM's dashboard is their own book: the CSM cut is fixed to them. */
export function csmCutLocked(actor: Actor): boolean {
  return actor.role === "CSM";
}

/** A CS manager sees every account, with their own team as the default cut (SPEC); "every account" is their choice. */
export function cutsByOwnTeam(actor: Actor): boolean {
  return actor.role === "CS_MANAGER";
}
