import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { companyToday } from "@/lib/calendar/company-day";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Settings } from "@/lib/settings/schema";
import type { ActingUser } from "@/lib/server/authz";
import { forecastScopeSql } from "@/lib/server/forecast/access";
import { readForecastRows, type ForecastRenewal } from "@/lib/server/forecast/forecast-rows";
import { getSettings } from "@/lib/server/settings/get-settings";

export interface ForecastContext {
  now: Date;
  today: Date;
  settings: Settings;
}

export async function forecastContext(now: Date, tx: Tx = prisma): Promise<ForecastContext> {
  const settings = await getSettings(tx);
  return { now, today: companyToday(now, settings.calendar.timezone), settings };
}

/** One renewal the actor may see in the forecast; one they may not see is "not found". */
export async function findForecastRenewal(actor: ActingUser, renewalId: string, context: ForecastContext, tx: Tx = prisma): Promise<ForecastRenewal> {
  const [row] = await readForecastRows(Prisma.sql`r."id" = ${renewalId} AND ${forecastScopeSql(actor)}`, { ...context, settings: context.settings.forecast }, tx);
  if (!row) throw notFound("The renewal");
  return row;
}

/** Locks the renewal row: a forecast write and a close, or two forecast writes, follow one another. */
export async function lockRenewal(tx: Tx, renewalId: string): Promise<void> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RenewalOpportunity" WHERE id = ${renewalId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("The renewal");
}
