import { TZDate } from "@date-fns/tz";

// The 72-hour rule counts every hour of a working day (Mon–Fri by default) in the company time zone and
// no hour of a weekend or holiday: closed Friday 15:00 → due Wednesday 15:00. Days are walked as real
// instants between local midnights, so a daylight-saving day counts its 23 or 25 hours.

export interface BusinessCalendar {
  timezone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  /** Local dates, YYYY-MM-DD. */
  holidays: readonly string[];
}

const HOUR_MS = 3_600_000;
// Ten years of days: far beyond any rule, and a guard against a calendar with no working day.
const MAX_DAYS_WALKED = 3_650;

interface LocalDay {
  start: number;
  end: number;
  working: boolean;
}

function localDayAt(instant: number, calendar: BusinessCalendar): LocalDay {
  const local = new TZDate(instant, calendar.timezone);
  const start = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), calendar.timezone).getTime();
  const end = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, calendar.timezone).getTime();
  const isoWeekday = local.getDay() === 0 ? 7 : local.getDay();
  const working = calendar.workingDays.includes(isoWeekday) && !calendar.holidays.includes(localDateKey(local));
  return { start, end, working };
}

function localDateKey(local: TZDate): string {
  const month = String(local.getMonth() + 1).padStart(2, "0");
  const day = String(local.getDate()).padStart(2, "0");
  return `${local.getFullYear()}-${month}-${day}`;
}

/** The instant `hours` business hours after `from`. */
export function addBusinessHours(from: Date, hours: number, calendar: BusinessCalendar): Date {
  let remaining = hours * HOUR_MS;
  let cursor = from.getTime();
  for (let walked = 0; walked < MAX_DAYS_WALKED; walked++) {
    const day = localDayAt(cursor, calendar);
    if (day.working) {
      const available = day.end - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = day.end;
  }
  throw new Error("The business calendar has no working day; check the calendar settings.");
}

/**
 * Business milliseconds from `from` to `to`; negative when `to` is earlier (time overdue).
 */
export function businessMsBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  if (to.getTime() < from.getTime()) return -businessMsBetween(to, from, calendar);
  let total = 0;
  let cursor = from.getTime();
  const target = to.getTime();
  while (cursor < target) {
    const day = localDayAt(cursor, calendar);
    const stop = Math.min(day.end, target);
    if (day.working) total += stop - cursor;
    cursor = stop;
  }
  return total;
}

/** "31h left", "2h overdue", "45m left": how the clock reads to a person. */
export function formatBusinessTimeLeft(ms: number): string {
  const overdue = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
  return overdue ? `${text} overdue` : `${text} left`;
}
