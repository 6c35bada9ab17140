// Calendar arithmetic on UTC-midnight dates, as @db.Date columns read back.

export function addCalendarDaysUtc(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
}

/** The Monday of the date's ISO week: snapshots are filed under it, so one week has one snapshot per renewal. */
export function weekStartOf(date: Date): Date {
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addCalendarDaysUtc(date, -weekday);
}
