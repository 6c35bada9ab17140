import "server-only";
import { forbidden } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

// Kept apart from the session (next-auth) so data functions can be called from jobs, scripts and tests.
export interface ActingUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  managerId: string | null;
}

/** Throws FORBIDDEN unless the acting user has one of the roles. Every lib/server function calls this. */
export function assertRole(user: ActingUser, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) throw forbidden();
}
