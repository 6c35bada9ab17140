import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import type { ActingUser } from "@/lib/server/authz";

// The notification centre: everyone has one, and every query is scoped to the signed-in user's own rows —
// an id belonging to somebody else behaves as if it did not exist.

export const notificationListParams = z.object({
  page: pageParams.page,
  perPage: pageParams.perPage,
  show: z.enum(["all", "unread"]).catch("all"),
});
export type NotificationListParams = z.infer<typeof notificationListParams>;

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export async function unreadNotificationCount(actor: ActingUser): Promise<number> {
  return prisma.notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function listNotifications(actor: ActingUser, params: NotificationListParams): Promise<Paged<NotificationRow> & { unread: number }> {
  const where = { userId: actor.id, ...(params.show === "unread" ? { readAt: null } : {}) };
  const [rows, count, unread] = await Promise.all([
    prisma.notification.findMany({
      where,
      // Unread first (newest on top), then the ones already read.
      orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
      ...pageArgs(params),
      select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    prisma.notification.count({ where }),
    unreadNotificationCount(actor),
  ]);
  return { ...paged(rows, count, params.page, params.perPage), unread };
}

export const markReadInput = z.object({ notificationId: z.string().min(1) });

export async function markNotificationRead(actor: ActingUser, input: z.infer<typeof markReadInput>, now = new Date()): Promise<void> {
  const { notificationId } = markReadInput.parse(input);
  const result = await prisma.notification.updateMany({ where: { id: notificationId, userId: actor.id, readAt: null }, data: { readAt: now } });
  if (result.count === 0 && (await prisma.notification.count({ where: { id: notificationId, userId: actor.id } })) === 0) throw notFound("The notification");
}

/** The undo of "Mark read". */
export async function markNotificationUnread(actor: ActingUser, input: z.infer<typeof markReadInput>): Promise<void> {
  const { notificationId } = markReadInput.parse(input);
  const result = await prisma.notification.updateMany({ where: { id: notificationId, userId: actor.id }, data: { readAt: null } });
  if (result.count === 0) throw notFound("The notification");
}

export async function markAllNotificationsRead(actor: ActingUser, _input: unknown = {}, now = new Date()): Promise<{ marked: number }> {
  const result = await prisma.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: now } });
  return { marked: result.count };
}
