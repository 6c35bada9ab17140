import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Segment } from "@/lib/generated/prisma/enums";
import { forbidden } from "@/lib/errors";
import type { ActingUser } from "@/lib/server/authz";
import { csmCutLocked } from "@/lib/server/dashboard/permissions";
import type { DashboardParams } from "@/lib/dashboard/params";

// Who sees which accounts on the dashboard, decided here and applied inside every query's WHERE:
// leadership and admins see every account; a CS manager every account too, with their own team (the accounts of
// the CSMs they manage) as the cut until they pick a CSM or all accounts (SPEC: "all accounts, all CSMs, with their
// own team as the default cut"); a CSM their own book. AEs have their own expansion-credit page only.

export interface DashboardScope {
  segment?: Segment;
  csmId?: string;
  aeId?: string;
  /** Accounts of CSMs whose manager is this user. */
  teamOf?: string;
}

type CutParams = Pick<DashboardParams, "segment" | "csm" | "ae" | "team">;

const cutOf = (params: CutParams): DashboardScope => ({ segment: params.segment, csmId: params.csm, aeId: params.ae });

/** The dashboard's scope for this user, or null when their role has no dashboard. */
export function dashboardCut(user: ActingUser, params: CutParams): DashboardScope | null {
  const cut = cutOf(params);
  switch (user.role) {
    case "CSM":
      return { ...cut, csmId: user.id };
    case "CS_MANAGER":
      return params.csm || params.team === "all" ? cut : { ...cut, teamOf: user.id };
    case "LEADERSHIP":
    case "ADMIN":
      return cut;
    case "AE":
      return null;
  }
}

/** The scope of the expansion credit, or null: leadership and admins see every AE, an AE only themselves. */
export function creditCut(user: ActingUser, params: CutParams): DashboardScope | null {
  const cut = cutOf(params);
  switch (user.role) {
    case "AE":
      return { ...cut, aeId: user.id };
    case "LEADERSHIP":
    case "ADMIN":
      return cut;
    case "CSM":
    case "CS_MANAGER":
      return null;
  }
}

export function dashboardScope(user: ActingUser, params: CutParams): DashboardScope {
  const scope = dashboardCut(user, params);
  if (!scope) throw forbidden();
  return scope;
}

export function creditScope(user: ActingUser, params: CutParams): DashboardScope {
  const scope = creditCut(user, params);
  if (!scope) throw forbidden();
  return scope;
}

/** Who the figures cover, when the role narrows them. */
export function scopeNote(user: ActingUser, scope: DashboardScope): string | null {
  if (scope.teamOf) return "Your team's accounts";
  return csmCutLocked(user) ? "Your book" : null;
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
