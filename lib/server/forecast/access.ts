import "server-only";
import { forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/server/authz";
import { canReadForecast, readsOwnForecastOnly } from "@/lib/server/forecast/permissions";

export function assertCanReadForecast(actor: ActingUser): void {
  if (!canReadForecast(actor)) throw forbidden("The forecast is for customer success, leadership and admins.");
}

/** The forecast's rows the actor sees, on the account aliased `a`. */
export function forecastScopeSql(actor: ActingUser): Prisma.Sql {
  assertCanReadForecast(actor);
  return readsOwnForecastOnly(actor) ? Prisma.sql`a."csmId" = ${actor.id}` : Prisma.sql`TRUE`;
}
