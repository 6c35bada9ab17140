"use server";

import { calendarProfileSchema } from "@/lib/users/calendar-profile";
import { runAction } from "@/lib/server/actions/run-action";
import { saveCalendarProfile } from "@/lib/server/users/calendar-profile";

export async function saveCalendarProfileAction(input: unknown) {
  return runAction(calendarProfileSchema, input, saveCalendarProfile, { revalidate: ["/profile"], message: "Saved. Meeting times are offered inside these hours." });
}
