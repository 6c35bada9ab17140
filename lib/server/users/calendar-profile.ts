import "server-only";
import { prisma } from "@/lib/db";
import { calendarProfileSchema, type CalendarProfileInput } from "@/lib/users/calendar-profile";
import type { ActingUser } from "@/lib/server/authz";
import { recordAudit } from "@/lib/server/audit";
import { enqueueBestEffort } from "@/lib/server/jobs/enqueue";
import { getSettings } from "@/lib/server/settings/get-settings";

/** The signed-in person's availability settings, with the company defaults they fall back to. */
export async function getCalendarProfile(actor: ActingUser) {
  const [user, settings] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { timezone: true, workdayStart: true, workdayEnd: true, freeBusyUrl: true, freeBusyFetchedAt: true, freeBusyError: true, csmProfile: { select: { timezone: true } }, _count: { select: { busyIntervals: true } } },
    }),
    getSettings(),
  ]);
  return {
    values: { timezone: user.timezone ?? "", workdayStart: user.workdayStart ?? "", workdayEnd: user.workdayEnd ?? "", freeBusyUrl: user.freeBusyUrl ?? "" },
    defaults: { timezone: user.csmProfile?.timezone ?? settings.calendar.timezone, workdayStart: settings.calendar.workdayStart, workdayEnd: settings.calendar.workdayEnd },
    feed: { fetchedAt: user.freeBusyFetchedAt, error: user.freeBusyError, busyTimes: user._count.busyIntervals },
  };
}

/** Saves them; a new or changed feed is read by the worker at once (and every half hour after). */
export async function saveCalendarProfile(actor: ActingUser, input: CalendarProfileInput): Promise<void> {
  const parsed = calendarProfileSchema.parse(input);
  const before = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { freeBusyUrl: true } });
  const url = parsed.freeBusyUrl || null;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: {
        timezone: parsed.timezone || null,
        workdayStart: parsed.workdayStart || null,
        workdayEnd: parsed.workdayEnd || null,
        freeBusyUrl: url,
        ...(url === null ? { freeBusyFetchedAt: null, freeBusyError: null } : {}),
      },
    });
    if (url === null) await tx.busyInterval.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, { actorId: actor.id, action: "user.calendar_updated", entityType: "User", entityId: actor.id, data: { timezone: parsed.timezone, workdayStart: parsed.workdayStart, workdayEnd: parsed.workdayEnd, feedLinked: url !== null } });
  });
  if (url && url !== before.freeBusyUrl) await enqueueBestEffort("refresh-free-busy", { userId: actor.id });
}
