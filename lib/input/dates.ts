import { z } from "zod";
import { parseIsoDate } from "@/lib/dates";

// The window every date Baton accepts must fall in, from any source (API, CSV, webhook, forms). A date far
// outside it (0000-01-01, 9999-12-31 plus a 120-month term) is a typo, not a contract, and once stored it breaks
// later reads: a renewal in the year 10009 has no YYYY-MM-DD form. Terms run 1 to 120 months.

export const DATE_MIN = "1990-01-01";
export const DATE_MAX = "2100-12-31";
export const DATE_WINDOW_MESSAGE = `must be between ${DATE_MIN} and ${DATE_MAX}`;
export const TERM_MIN_MONTHS = 1;
export const TERM_MAX_MONTHS = 120;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD string inside the window (string order is date order for this shape). */
export function inDateWindow(day: string): boolean {
  return ISO_DAY.test(day) && day >= DATE_MIN && day <= DATE_MAX;
}

export function isRealDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** A calendar date as text, YYYY-MM-DD, real and inside the window; `message` replaces the format message. */
export function calendarDay(message = "must be a date YYYY-MM-DD") {
  return z
    .string()
    .trim()
    .regex(ISO_DAY, { message, abort: true })
    .refine(inDateWindow, { message: DATE_WINDOW_MESSAGE, abort: true })
    .refine(isRealDate, "is not a real date");
}

/** An ISO 8601 instant with an offset, inside the window. */
export const instantInWindow = z.iso
  .datetime({ offset: true })
  .refine((value) => inDateWindow(new Date(value).toISOString().slice(0, 10)), DATE_WINDOW_MESSAGE);

export const termMonths = z
  .number()
  .int("must be whole months")
  .min(TERM_MIN_MONTHS, `must be at least ${TERM_MIN_MONTHS} month`)
  .max(TERM_MAX_MONTHS, `must be at most ${TERM_MAX_MONTHS} months`);
