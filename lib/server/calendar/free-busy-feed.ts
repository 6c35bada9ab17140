import "server-only";
import { prisma } from "@/lib/db";
import { parseBusyIntervals } from "@/lib/calendar/free-busy";
import { logger } from "@/lib/logger";
import { getSettings } from "@/lib/server/settings/get-settings";

// The worker reads each linked free/busy feed (an iCalendar URL in the person's profile) into BusyInterval,
// replacing what it read before, so the meeting slots avoid the person's outside calendar too.

const FETCH_TIMEOUT_MS = 10_000;
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const WINDOW_DAYS = 30;

export async function refreshFreeBusy(userId: string, now = new Date()): Promise<{ intervals: number } | { error: string } | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, freeBusyUrl: true, timezone: true, csmProfile: { select: { timezone: true } } } });
  if (!user?.freeBusyUrl) return null;
  const settings = await getSettings();
  const timezone = user.timezone ?? user.csmProfile?.timezone ?? settings.calendar.timezone;
  const window = { start: new Date(now.getTime() - 86_400_000), end: new Date(now.getTime() + WINDOW_DAYS * 86_400_000) };
  let intervals;
  try {
    const response = await fetch(user.freeBusyUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: "text/calendar" }, redirect: "follow" });
    if (!response.ok) throw new Error(`the feed answered ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_FEED_BYTES) throw new Error("the feed is larger than 5 MB");
    intervals = parseBusyIntervals(text, window, timezone);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ userId, err: message }, "free/busy feed could not be read");
    await prisma.user.update({ where: { id: userId }, data: { freeBusyError: `Could not read the feed: ${message}`.slice(0, 500), freeBusyFetchedAt: now } });
    return { error: message };
  }
  await prisma.$transaction(async (tx) => {
    await tx.busyInterval.deleteMany({ where: { userId } });
    await tx.busyInterval.createMany({ data: intervals.map((b) => ({ userId, startsAt: b.start, endsAt: b.end })) });
    await tx.user.update({ where: { id: userId }, data: { freeBusyFetchedAt: now, freeBusyError: null } });
  });
  return { intervals: intervals.length };
}

/** Every linked feed, for the periodic job. */
export async function refreshAllFreeBusy(now = new Date()): Promise<number> {
  const users = await prisma.user.findMany({ where: { active: true, freeBusyUrl: { not: null } }, select: { id: true } });
  for (const user of users) await refreshFreeBusy(user.id, now);
  return users.length;
}
