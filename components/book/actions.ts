"use server";

import { z } from "zod";
import { completeTouchpointSchema } from "@/lib/renewals/forms";
import { runAction } from "@/lib/server/actions/run-action";
import { regenerateCalendarToken } from "@/lib/server/calendar/calendar-token";
import { completeTouchpoint } from "@/lib/server/touchpoints/complete-touchpoint";

export async function completeTouchpointAction(input: unknown) {
  return runAction(completeTouchpointSchema, input, (user, data) => completeTouchpoint(user, data), { revalidate: ["/book", "/accounts", "/"], message: "Marked done." });
}

export async function regenerateCalendarLinkAction(input: unknown) {
  return runAction(z.object({}), input ?? {}, async (user) => {
    await regenerateCalendarToken(user);
  }, { revalidate: ["/book"], message: "New link created; the old one no longer works." });
}
