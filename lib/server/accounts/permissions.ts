import type { ActingUser } from "@/lib/server/authz";

// The account decisions, each one predicate used by the page (to show a control) and by the write (to allow it).
// Pure, so they are unit-tested; which rows a person reads is the `where` of access.ts.

type Actor = Pick<ActingUser, "id" | "role">;

/**
 * Who changes an account's customer-success records — health and usage, milestones, expansion potential,
 * renewal stages: its assigned CSM, CS managers and admins. AEs and leadership read them.
 */
export function canManageAccount(actor: Actor, account: { csmId: string | null }): boolean {
  switch (actor.role) {
    case "CS_MANAGER":
    case "ADMIN":
      return true;
    case "CSM":
      return account.csmId === actor.id;
    case "AE":
    case "LEADERSHIP":
      return false;
  }
}

/** An upsell is spotted by the people on the account: its CSM, its AE (any AE who sees it), CS managers, admins. */
export function canIdentifyExpansion(actor: Actor, account: { csmId: string | null }): boolean {
  return canManageAccount(actor, account) || actor.role === "AE";
}

/** A CSM works their own book only: their lists say "My accounts" and offer no CSM filter. */
export function seesOwnBookOnly(actor: Actor): boolean {
  return actor.role === "CSM";
}

/** CS managers, leadership and admins read every account; a CSM their book, an AE the accounts they sell to. */
export function seesEveryAccount(actor: Actor): boolean {
  return actor.role === "CS_MANAGER" || actor.role === "LEADERSHIP" || actor.role === "ADMIN";
}
