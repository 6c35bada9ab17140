import { z } from "zod";

// A person's own meeting availability: time zone, workday and the free/busy feed the worker reads.

const clock = z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time such as 09:00")]);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const calendarProfileSchema = z
  .object({
    timezone: z.union([z.literal(""), z.string().trim().refine(isTimeZone, "Enter an IANA time zone such as Europe/London")]),
    workdayStart: clock,
    workdayEnd: clock,
    freeBusyUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter the calendar's iCalendar (.ics) address, starting with https://" }).max(2000)]),
  })
  .refine((value) => !value.workdayStart || !value.workdayEnd || value.workdayStart < value.workdayEnd, { message: "The workday must end after it starts", path: ["workdayEnd"] });

export type CalendarProfileInput = z.infer<typeof calendarProfileSchema>;
