import { TZDate } from "@date-fns/tz";

// Calendar helpers for the demo data. Dates without a time (`@db.Date`) are JS Dates at UTC midnight.

const DAY_MS = 86_400_000;

export function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** Calendar months later, the day clamped to the month's end (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: Date, months: number): Date {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), lastDay)));
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / DAY_MS);
}

export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

export function isBusinessDay(day: Date, holidays: readonly string[]): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.includes(isoDate(day));
}

/** The day itself when it is a business day, else the next one (forward-looking touchpoints). */
export function onOrAfterBusinessDay(day: Date, holidays: readonly string[]): Date {
  let cursor = day;
  while (!isBusinessDay(cursor, holidays)) cursor = addDays(cursor, 1);
  return cursor;
}

/** The day itself when it is a business day, else the previous one (renewal-side touchpoints). */
export function onOrBeforeBusinessDay(day: Date, holidays: readonly string[]): Date {
  let cursor = day;
  while (!isBusinessDay(cursor, holidays)) cursor = addDays(cursor, -1);
  return cursor;
}

/** The instant of a wall-clock time on a calendar day in a time zone. */
export function atLocalTime(day: Date, hour: number, minute: number, timezone: string): Date {
  const local = new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute, timezone);
  return new Date(local.getTime());
}

/** The calendar day an instant falls on in a time zone, as a UTC-midnight Date. */
export function localDay(instant: Date, timezone: string): Date {
  const local = new TZDate(instant.getTime(), timezone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** Fractional hour of the day (e.g. 14.5) of an instant in a time zone. */
export function localHour(instant: Date, timezone: string): number {
  const local = new TZDate(instant.getTime(), timezone);
  return local.getHours() + local.getMinutes() / 60;
}
