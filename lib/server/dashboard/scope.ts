import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Segment } from "@/lib/generated/prisma/enums";
import { forbidden } from "@/lib/errors";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import type { DashboardParams } from "@/lib/dashboard/params";

// Who sees which accounts on the dashboard, decided here and applied inside every query's WHERE:
// leadership and admins see every account; a CS manager the accounts of the CSMs they manage (whatever CSM the
// URL asks for, the team condition stays); a CSM their own book. AEs have their own expansion-credit page only.

export const DASHBOARD_ROLES = ["LEADERSHIP", "ADMIN", "CS_MANAGER", "CSM"] as const;

export interface DashboardScope {
  segment?: Segment;
  csmId?: string;
  aeId?: string;
  /** Accounts of CSMs whose manager is this user. */
  teamOf?: string;
}

export function dashboardScope(user: ActingUser, params: Pick<DashboardParams, "segment" | "csm" | "ae">): DashboardScope {
  assertRole(user, DASHBOARD_ROLES);
  const cut: DashboardScope = { segment: params.segment, csmId: params.csm, aeId: params.ae };
  switch (user.role) {
    case "CSM":
      return { ...cut, csmId: user.id };
    case "CS_MANAGER":
      return { ...cut, teamOf: user.id };
    case "LEADERSHIP":
    case "ADMIN":
      return cut;
    default:
      throw forbidden();
  }
}

/** The scope of the expansion credit: leadership and admins see every AE, an AE only themselves. */
export function creditScope(user: ActingUser, params: Pick<DashboardParams, "segment" | "csm" | "ae">): DashboardScope {
  assertRole(user, ["LEADERSHIP", "ADMIN", "AE"]);
  const cut: DashboardScope = { segment: params.segment, csmId: params.csm, aeId: params.ae };
  return user.role === "AE" ? { ...cut, aeId: user.id } : cut;
}

// A CSM's book is `Account.bookCsmId`: the account's CSM, or for an account without one (typically after it churned,
// when its book place was freed) the CSM chosen by its latest approved assignment, so a CSM's churn stays in their
// figures. The database keeps the column (book_csm migration) and indexes it; the equivalent
// `csmId = X OR (csmId IS NULL AND <latest assignment> = X)` could use no index and scanned every account.

/** `AND …` conditions on the account aliased `a`. */
export function accountConditions(scope: DashboardScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.segment) parts.push(Prisma.sql`a."segment" = ${scope.segment}::"Segment"`);
  if (scope.csmId) {
    parts.push(Prisma.sql`a."bookCsmId" = ${scope.csmId}`);
  }
  if (scope.aeId) parts.push(Prisma.sql`a."aeId" = ${scope.aeId}`);
  if (scope.teamOf) {
    const team = Prisma.sql`(SELECT t."id" FROM "User" t WHERE t."managerId" = ${scope.teamOf} AND t."role" = 'CSM')`;
    parts.push(Prisma.sql`a."bookCsmId" IN ${team}`);
  }
  return parts.length === 0 ? Prisma.empty : Prisma.sql` AND ${joinParts(parts, " AND ")}`;
}

/** Whether any condition applies to the accounts (otherwise queries need not join them). */
export function hasAccountConditions(scope: DashboardScope): boolean {
  return Boolean(scope.segment || scope.csmId || scope.aeId || scope.teamOf);
}

/** Whether the scope narrows accounts by CSM or AE (then per-account summaries are cheaper than segment totals). */
export function narrowsAccounts(scope: DashboardScope): boolean {
  return Boolean(scope.csmId || scope.aeId || scope.teamOf);
}

/** SQL fragments side by side; nothing when there are none (Prisma.join refuses an empty list). */
export function joinParts(parts: readonly Prisma.Sql[], separator = " "): Prisma.Sql {
  return parts.length === 0 ? Prisma.empty : Prisma.join(parts, separator);
}
