import { TZDate } from "@date-fns/tz";

/** A wall-clock date and time in a time zone (as a person types them) to the instant it names. */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(new TZDate(year ?? 0, (month ?? 1) - 1, day ?? 1, hours ?? 0, minutes ?? 0, timeZone).getTime());
}

/** The instant as YYYY-MM-DD and HH:MM in a time zone, for form defaults. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** The instant of a wall-clock time on a calendar day (a UTC-midnight Date) in a time zone. */
export function atLocalTime(day: Date, hour: number, minute: number, timeZone: string): Date {
  return new Date(new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute, timeZone).getTime());
}

/** Fractional hour of the day (e.g. 14.5) of an instant in a time zone. */
export function localHour(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);
  return local.getHours() + local.getMinutes() / 60;
}
