import { addMonthsUtc, toIsoDate } from "@/lib/dates";

// Dashboard periods are whole calendar months. A month is carried as one integer, year * 12 + month - 1, the
// same numbering as the database's dashboard_month(), so months subtract like numbers.

export const PERIOD_PRESETS = ["12m", "6m", "3m", "last-quarter", "qtd", "ytd", "last-year", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  "12m": "Last 12 complete months",
  "6m": "Last 6 complete months",
  "3m": "Last 3 complete months",
  "last-quarter": "Last quarter",
  qtd: "This quarter to date",
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
  /** Last day of the last month, or today when the last month is still running: movements up to and including it count. */
  end: Date;
  months: number;
  /** The last month is the running one: the period ends today, and says so. */
  toDate: boolean;
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

function period(preset: PeriodPreset, firstMonth: number, lastMonth: number, today: Date): Period {
  const toDate = lastMonth >= monthOf(today);
  const last = Math.min(lastMonth, monthOf(today));
  return {
    preset,
    firstMonth,
    lastMonth: last,
    start: firstDayOf(firstMonth),
    end: toDate ? today : lastDayOf(last),
    months: last - firstMonth + 1,
    toDate,
  };
}

/**
 * The months a preset covers on `today` (SPEC "Measures"): whole months, the default the last 12 complete ones; no
 * period ends after today — "to date" periods (this quarter, this year, a custom range reaching the running month)
 * end today. A custom range needs both ends in order and no first month after this one; otherwise the default.
 */
export function resolvePeriod(preset: PeriodPreset, today: Date, from?: string, to?: string): Period {
  const current = monthOf(today);
  const quarterStart = current - (current % 3);
  switch (preset) {
    case "6m":
      return period(preset, current - 6, current - 1, today);
    case "3m":
      return period(preset, current - 3, current - 1, today);
    case "last-quarter":
      return period(preset, quarterStart - 3, quarterStart - 1, today);
    case "qtd":
      return period(preset, quarterStart, current, today);
    case "ytd":
      return period(preset, current - (current % 12), current, today);
    case "last-year": {
      const lastDecember = current - (current % 12) - 1;
      return period(preset, lastDecember - 11, lastDecember, today);
    }
    case "custom": {
      const first = from ? parseMonthKey(from) : null;
      const last = to ? parseMonthKey(to) : null;
      if (first === null || last === null || first > last || first > current) return period("12m", current - 12, current - 1, today);
      const end = Math.min(last, current);
      return period(preset, Math.max(first, end - MAX_PERIOD_MONTHS + 1), end, today);
    }
    case "12m":
      return period(preset, current - 12, current - 1, today);
  }
}

const dayFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** "Last 12 complete months: Dec 1, 2025 – Nov 30, 2026" / "Year to date: Jan 1, 2026 – Dec 1, 2026 (to date)". */
export function periodLabel(value: Period): string {
  return `${PERIOD_LABELS[value.preset]}: ${dayFormat.format(value.start)} – ${dayFormat.format(value.end)}${value.toDate ? " (to date)" : ""}`;
}

/** The last month whose end has passed: the trend is of complete months. */
export function lastCompleteMonth(today: Date): number {
  return monthOf(today) - 1;
}

/** The months whose trailing 12-month windows make the trend: the last is the period's last month. */
export function trendMonths(lastMonth: number, points = TREND_POINTS): number[] {
  return Array.from({ length: points }, (_, index) => lastMonth - points + 1 + index);
}

/** The day `months` calendar months after `date` (a 31st clamps to a shorter month's last day). */
export function monthsAfter(date: Date, months: number): Date {
  return addMonthsUtc(date, months);
}
