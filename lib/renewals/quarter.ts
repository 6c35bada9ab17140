// Renewal quarters are calendar quarters of the renewal date, written "2027-Q3" in URLs and tables.

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function isQuarter(value: string): boolean {
  return QUARTER.test(value);
}

/** The quarter's first day and the first day after it (UTC-midnight dates), for a half-open SQL range. */
export function quarterRange(quarter: string): { start: Date; end: Date } {
  const match = QUARTER.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3;
  return { start: new Date(Date.UTC(year, first, 1)), end: new Date(Date.UTC(year, first + 3, 1)) };
}
