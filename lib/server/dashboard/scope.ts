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
  switch (user.role) {
    case "AE":
      return { ...cut, aeId: user.id };
    case "LEADERSHIP":
    case "ADMIN":
      return cut;
    default:
      throw forbidden();
  }
}

/** The CSMs a CS manager may cut by: their team. */
export function teamCsms(user: ActingUser): Prisma.UserWhereInput {
  switch (user.role) {
    case "CS_MANAGER":
      return { managerId: user.id };
    default:
      return {};
  }
}

/** Who the figures cover, when the role narrows them. */
export function scopeNote(user: ActingUser): string | null {
  switch (user.role) {
    case "CSM":
      return "Your book";
    case "CS_MANAGER":
      return "Your team's accounts";
    default:
      return null;
  }
}

/**
 * The CSM an account without one (typically after it churned, when its book place was freed) last had: the CSM
 * chosen by its latest approved assignment. Cuts by CSM and team use it, so a CSM's churn stays in their figures.
 */
export const LAST_ASSIGNED_CSM = Prisma.sql`(SELECT ca."chosenCsmId" FROM "CsmAssignment" ca
  WHERE ca."accountId" = a."id" AND ca."status" IN ('APPROVED', 'OVERRIDDEN') AND ca."chosenCsmId" IS NOT NULL
  ORDER BY ca."decidedAt" DESC NULLS LAST, ca."createdAt" DESC LIMIT 1)`;

/** `AND …` conditions on the account aliased `a`. */
export function accountConditions(scope: DashboardScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.segment) parts.push(Prisma.sql`a."segment" = ${scope.segment}::"Segment"`);
  if (scope.csmId) {
    parts.push(Prisma.sql`(a."csmId" = ${scope.csmId} OR (a."csmId" IS NULL AND ${LAST_ASSIGNED_CSM} = ${scope.csmId}))`);
  }
  if (scope.aeId) parts.push(Prisma.sql`a."aeId" = ${scope.aeId}`);
  if (scope.teamOf) {
    const team = Prisma.sql`(SELECT t."id" FROM "User" t WHERE t."managerId" = ${scope.teamOf} AND t."role" = 'CSM')`;
    parts.push(Prisma.sql`(a."csmId" IN ${team} OR (a."csmId" IS NULL AND ${LAST_ASSIGNED_CSM} IN ${team}))`);
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
