import { TZDate } from "@date-fns/tz";
import { parseIsoDate } from "@/lib/dates";
import { instantToZoned, zonedDateTimeToInstant } from "@/lib/zoned-time";
import { businessDayOnOrAfter, type WorkingCalendar } from "@/lib/touchpoints/schedule";

// "Today" for the company: the calendar date in the company time zone, carried as a UTC-midnight Date like
// every @db.Date column. Jobs run at instants; alerts, digests and touchpoints speak in company days.

const DAY_MS = 86_400_000;

export function companyToday(now: Date, timezone: string): Date {
  return parseIsoDate(instantToZoned(now, timezone).date);
}

/** The UTC instant of midnight starting `day` (a UTC-midnight date) in the company time zone. */
export function companyMidnight(day: Date, timezone: string): Date {
  return new Date(new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), timezone).getTime());
}

export function addCalendarDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/**
 * When the 30-minute handoff call between the AE and the CSM is booked: 10:00 company time on the next
 * business day after the assignment, so both have the handoff document a day ahead and it never lands on a
 * weekend or holiday. Either of them moves it in their calendar if it does not suit.
 */
export function handoffCallStart(now: Date, calendar: WorkingCalendar & { timezone: string }, hour = 10): Date {
  const day = businessDayOnOrAfter(addCalendarDays(companyToday(now, calendar.timezone), 1), calendar);
  return zonedDateTimeToInstant(day.toISOString().slice(0, 10), `${String(hour).padStart(2, "0")}:00`, calendar.timezone);
}

/** The last instant of `day` (a UTC-midnight date) in the time zone: when a deal that closed that day, at an unknown hour, closed at the latest. */
export function endOfCompanyDay(day: Date, timezone: string): Date {
  const next = addCalendarDays(day, 1).toISOString().slice(0, 10);
  return new Date(zonedDateTimeToInstant(next, "00:00", timezone).getTime() - 1);
}
