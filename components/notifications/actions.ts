"use server";

import { z } from "zod";
import { runAction } from "@/lib/server/actions/run-action";
import { markAllNotificationsRead, markNotificationRead, markNotificationUnread, markReadInput } from "@/lib/server/notifications/notifications";

export async function markNotificationReadAction(input: unknown) {
  return runAction(markReadInput, input, (user, data) => markNotificationRead(user, data), { revalidate: ["/notifications", "/"] });
}

export async function markAllNotificationsReadAction(input: unknown) {
  return runAction(z.object({}), input ?? {}, (user) => markAllNotificationsRead(user), { revalidate: ["/notifications", "/"], message: "All marked as read." });
}

export async function markNotificationUnreadAction(input: unknown) {
  return runAction(markReadInput, input, (user, data) => markNotificationUnread(user, data), { revalidate: ["/notifications", "/"], message: "Marked unread." });
}
