import { addMonthsUtc, toIsoDate } from "@/lib/dates";

// Dashboard periods are whole calendar months. A month is carried as one integer, year * 12 + month - 1, the
// same numbering as the database's dashboard_month(), so months subtract like numbers.

export const PERIOD_PRESETS = ["12m", "6m", "3m", "ytd", "last-year", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  "12m": "Trailing 12 months",
  "6m": "Trailing 6 months",
  "3m": "Trailing 3 months",
  ytd: "Year to date",
  "last-year": "Last calendar year",
  custom: "Custom months",
};

/** The longest period a custom range may cover; a longer one keeps its last 36 months. */
export const MAX_PERIOD_MONTHS = 36;
/** Points in the retention trend, each a trailing 12-month window. */
export const TREND_POINTS = 24;

export interface Period {
  preset: PeriodPreset;
  firstMonth: number;
  lastMonth: number;
  /** First day of the first month: the cohort is the accounts with ARR above zero before it. */
  start: Date;
  /** Last day of the last month: movements up to and including it count. */
  end: Date;
  months: number;
}

export function monthOf(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export function firstDayOf(month: number): Date {
  return new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
}

export function lastDayOf(month: number): Date {
  return new Date(Date.UTC(Math.floor(month / 12), (month % 12) + 1, 0));
}

/** "2026-11" */
export function monthKey(month: number): string {
  return toIsoDate(firstDayOf(month)).slice(0, 7);
}

export function parseMonthKey(value: string): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return Number(match[1]) * 12 + month - 1;
}

const monthName = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Nov 2026" */
export function monthLabel(month: number): string {
  return monthName.format(firstDayOf(month));
}

function period(preset: PeriodPreset, firstMonth: number, lastMonth: number): Period {
  return { preset, firstMonth, lastMonth, start: firstDayOf(firstMonth), end: lastDayOf(lastMonth), months: lastMonth - firstMonth + 1 };
}

/**
 * The months a preset covers on `today`. Trailing periods end with the current month (movements dated later this
 * month count once they exist). A custom range needs both ends in order; otherwise the default applies.
 */
export function resolvePeriod(preset: PeriodPreset, today: Date, from?: string, to?: string): Period {
  const current = monthOf(today);
  switch (preset) {
    case "6m":
      return period(preset, current - 5, current);
    case "3m":
      return period(preset, current - 2, current);
    case "ytd":
      return period(preset, current - (current % 12), current);
    case "last-year": {
      const lastDecember = current - (current % 12) - 1;
      return period(preset, lastDecember - 11, lastDecember);
    }
    case "custom": {
      const first = from ? parseMonthKey(from) : null;
      const last = to ? parseMonthKey(to) : null;
      if (first === null || last === null || first > last) return period("12m", current - 11, current);
      return period(preset, Math.max(first, last - MAX_PERIOD_MONTHS + 1), last);
    }
    case "12m":
      return period(preset, current - 11, current);
  }
}

/** The months whose trailing 12-month windows make the trend: the last is the period's last month. */
export function trendMonths(lastMonth: number, points = TREND_POINTS): number[] {
  return Array.from({ length: points }, (_, index) => lastMonth - points + 1 + index);
}

/** The day `months` calendar months after `date` (a 31st clamps to a shorter month's last day). */
export function monthsAfter(date: Date, months: number): Date {
  return addMonthsUtc(date, months);
}
