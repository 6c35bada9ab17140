import "server-only";
import { forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";

// Who sees and changes the forecast (issue 12): CSMs their own book; CS managers, leadership and admins the whole
// company. AEs are refused: the forecast is customer success's call. CSMs set the call on their own renewals; only CS
// managers override it or decide a checkpoint; leadership and admins read.

export const FORECAST_READ_ROLES = ["CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN"] as const;

export function assertCanReadForecast(actor: ActingUser): void {
  if (!(FORECAST_READ_ROLES as readonly string[]).includes(actor.role)) throw forbidden("The forecast is for customer success, leadership and admins.");
}

/** The forecast's rows the actor sees, on the account aliased `a`. */
export function forecastScopeSql(actor: ActingUser): Prisma.Sql {
  assertCanReadForecast(actor);
  return actor.role === "CSM" ? Prisma.sql`a."csmId" = ${actor.id}` : Prisma.sql`TRUE`;
}

export function canSetForecast(actor: ActingUser, account: { csmId: string | null }): boolean {
  return actor.role === "CSM" && account.csmId === actor.id;
}

export function canOverrideForecast(actor: ActingUser): boolean {
  return actor.role === "CS_MANAGER";
}

/** Contract terms are the account's customer-success record: its CSM, CS managers and admins edit them. */
export function canEditTerms(actor: ActingUser, account: { csmId: string | null }): boolean {
  return actor.role === "CS_MANAGER" || actor.role === "ADMIN" || (actor.role === "CSM" && account.csmId === actor.id);
}
