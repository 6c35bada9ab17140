import { z } from "zod";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { calendarDay } from "@/lib/input/dates";

// How one CSV cell becomes a value and back (SPEC.md "Import formats": UTF-8, lists separated by `;`, dates
// ISO YYYY-MM-DD, money in dollars with up to 2 decimals). Each parser's message names what was expected, so
// the per-row report reads "amount: must be dollars with up to 2 decimals, e.g. 1234.56".

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

/** "1234.56" → 123456n, exactly: the digits are moved, never multiplied as a float. */
export function dollarsToCents(text: string): bigint {
  const [whole = "0", fraction = ""] = text.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

/** 123456n → "1234.56"; always two decimals so an export reads back to the same cents. */
export function centsToDollars(cents: bigint | number): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

export const money = z
  .string()
  .trim()
  .regex(MONEY, "must be dollars with up to 2 decimals, e.g. 1234.56")
  .transform(dollarsToCents);

/**
 * An optional cell: empty (or blanks) reads as null, anything else must pass `schema`, whose own message is kept
 * (a union would only say "Invalid input").
 */
export function emptyAsNull<T extends z.ZodType<unknown, string>>(schema: T) {
  return z.string().transform((value, ctx): z.output<T> | null => {
    if (value.trim() === "") return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<T>;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });
}

export const optionalMoney = emptyAsNull(money);

/** A date cell: YYYY-MM-DD, real, inside Baton's date window (lib/input/dates.ts). */
export const isoDate = calendarDay().transform(parseIsoDate);

export const optionalIsoDate = emptyAsNull(isoDate);

/** An instant with its offset: 2026-11-27T16:30:00Z or 2026-11-27T11:30:00-05:00. */
export const instant = z
  .string()
  .trim()
  .pipe(z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with its offset, e.g. 2026-11-27T16:30:00Z" }))
  .transform((value) => new Date(value));

export const optionalInstant = emptyAsNull(instant);

export const formatDate = (date: Date | null | undefined): string => (date ? toIsoDate(date) : "");

/** "a; b;;c" → ["a", "b", "c"]. */
export const list = z.string().transform((value) =>
  value
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

export const formatList = (values: readonly string[]): string => values.join(";");

export const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value === "true" || value === "false", "must be true or false")
  .transform((value) => value === "true");

/** Empty reads as null. */
export const optionalBool = emptyAsNull(bool);

export function int(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

/** Empty reads as null (the caller picks the default). */
export function optionalInt(min: number, max: number) {
  return emptyAsNull(int(min, max));
}

/** A decimal with up to 2 places, kept as text for a Prisma Decimal column (no float on the way). */
export function decimal(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d{1,2})?$/, "must be a number with up to 2 decimals")
    .refine((value) => Number(value) >= min && Number(value) <= max, `must be between ${min} and ${max}`);
}

/** A Decimal column back to text (Prisma prints it exactly, e.g. "87.5"), which reads back to the same value. */
export const formatDecimal = (value: { toString(): string } | number): string => value.toString();

export function text(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`);
}

export function requiredText(max: number) {
  return text(max).min(1, "is required");
}

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .pipe(z.email("must be an e-mail address"));

export const optionalEmail = emptyAsNull(email);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = requiredText(64).refine(isTimeZone, "must be an IANA time zone such as America/New_York");

/**
 * A CSV word for an enum value, read leniently ("Mid-Market", "mid market", "MID_MARKET") and written in its
 * canonical form. `values` maps each canonical CSV word to the database value.
 */
export function csvEnum<T extends string>(values: Record<string, T>) {
  const byKey = new Map(Object.entries(values).map(([word, value]) => [normalize(word), value]));
  for (const value of Object.values(values)) byKey.set(normalize(value), value);
  const words = Object.keys(values).join(", ");
  const parse = z
    .string()
    .trim()
    .refine((value) => byKey.has(normalize(value)), `must be one of ${words}`)
    .transform((value) => byKey.get(normalize(value)) as T);
  const toWord = new Map(Object.entries(values).map(([word, value]) => [value, word]));
  const format = (value: T): string => toWord.get(value) ?? value;
  return { parse, format, words };
}

function normalize(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}
