import "server-only";
import { TZDate } from "@date-fns/tz";
import { getSettings } from "@/lib/server/settings/get-settings";
import type { Settings } from "@/lib/settings/schema";

// What every measure needs besides its query: the rules in force and today's date in the company time zone.
// The dashboard reads them once and hands them to each measure; a measure called alone reads them itself.

export interface MeasureContext {
  settings: Settings;
  /** Today in the company time zone, as a UTC-midnight date. */
  today: Date;
  now: Date;
}

export function companyToday(now: Date, timezone: string): Date {
  const local = new TZDate(now.getTime(), timezone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** The UTC instant of midnight starting `day` (a UTC-midnight date) in the company time zone. */
export function companyMidnight(day: Date, timezone: string): Date {
  return new Date(new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), timezone).getTime());
}

export async function measureContext(context: Partial<MeasureContext> = {}): Promise<MeasureContext> {
  const now = context.now ?? new Date();
  const settings = context.settings ?? (await getSettings());
  return { settings, now, today: context.today ?? companyToday(now, settings.calendar.timezone) };
}
