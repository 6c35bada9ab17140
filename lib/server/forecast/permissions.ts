import type { ActingUser } from "@/lib/server/authz";

// The forecast decisions (issue 12), each one predicate used by the page and by the write. CSMs read and call their
// own book; CS managers, leadership and admins read the whole company; AEs are refused (the forecast is customer
// success's call). Only CS managers override a call or decide a checkpoint.

type Actor = Pick<ActingUser, "id" | "role">;

export const FORECAST_READ_ROLES = ["CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN"] as const;

export function canReadForecast(actor: Actor): boolean {
  return (FORECAST_READ_ROLES as readonly string[]).includes(actor.role);
}

/** A CSM's forecast is their own book: no CSM or AE cut, no roll-up to other CSMs. */
export function readsOwnForecastOnly(actor: Actor): boolean {
  return actor.role === "CSM";
}

export function canSetForecast(actor: Actor, account: { csmId: string | null }): boolean {
  return actor.role === "CSM" && account.csmId === actor.id;
}

export function canOverrideForecast(actor: Actor): boolean {
  return actor.role === "CS_MANAGER";
}

/** Contract terms are the account's customer-success record: its CSM, CS managers and admins edit them. */
export function canEditTerms(actor: Actor, account: { csmId: string | null }): boolean {
  return actor.role === "CS_MANAGER" || actor.role === "ADMIN" || canSetForecast(actor, account);
}
