import type { ActingUser } from "@/lib/server/authz";

// The administration decision. Pure, so it is unit-tested.

/** Administration (users, settings, imports, API tokens, the audit log) is the RevOps admin's. */
export function canAdminister(actor: Pick<ActingUser, "role">): boolean {
  return actor.role === "ADMIN";
}
