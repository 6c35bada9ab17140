import "server-only";
import { prisma } from "@/lib/db";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { toIsoDate } from "@/lib/dates";
import { env } from "@/lib/env";
import { RENEWAL_STAGE_LABELS, TOUCHPOINT_LABELS } from "@/lib/labels";
import { digestEmail, digestIsEmpty } from "@/lib/renewals/digest";
import { OPEN_RENEWAL_STAGES } from "@/lib/renewals/stages";
import { isBusinessDay } from "@/lib/touchpoints/schedule";
import { runSweep, type SweepOptions, type SweepResult } from "@/lib/server/jobs/handlers/sweep";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { activeUsersWithRole } from "@/lib/server/notifications/recipients";
import { getSettings } from "@/lib/server/settings/get-settings";

// The CSM's morning digest by e-mail, once per CSM per company day (key `digest:<csmId>:<date>`): overdue
// touchpoints, touchpoints in the next 7 days, renewals inside the 90-day window, handoffs waiting for the
// CSM's acknowledgment. Sent on working days only, and not at all when there is nothing to say.

const UPCOMING_DAYS = 7;

export function digestKey(csmId: string, day: Date): string {
  return `digest:${csmId}:${toIsoDate(day)}`;
}

export async function sendDailyDigests(now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const settings = await getSettings();
  const today = companyToday(now, settings.calendar.timezone);
  if (!isBusinessDay(today, settings.calendar)) return { created: [], skipped: [] };
  const csms = await activeUsersWithRole(prisma, "CSM");
  return runSweep(
    "daily-digest",
    csms,
    async (csm) => {
      const key = digestKey(csm.id, today);
      const mine = { OR: [{ ownerId: csm.id }, { ownerId: null, account: { csmId: csm.id } }] };
      const touchpointSelect = { type: true, dueDate: true, account: { select: { name: true } } } as const;
      const [overdue, upcoming, renewals, acknowledgments] = await Promise.all([
        prisma.touchpoint.findMany({ where: { ...mine, status: "PLANNED", dueDate: { lt: today } }, orderBy: [{ dueDate: "asc" }, { id: "asc" }], select: touchpointSelect }),
        prisma.touchpoint.findMany({
          where: { ...mine, status: "PLANNED", dueDate: { gte: today, lte: addCalendarDays(today, UPCOMING_DAYS) } },
          orderBy: [{ dueDate: "asc" }, { id: "asc" }],
          select: touchpointSelect,
        }),
        prisma.renewalOpportunity.findMany({
          where: { account: { csmId: csm.id }, stage: { in: [...OPEN_RENEWAL_STAGES] }, renewalDate: { lte: addCalendarDays(today, settings.handoff.renewalHandoffDaysBefore) } },
          orderBy: [{ renewalDate: "asc" }, { id: "asc" }],
          select: { renewalDate: true, amountCents: true, stage: true, account: { select: { name: true } } },
        }),
        prisma.handoff.findMany({
          where: { account: { csmId: csm.id }, status: "COMPLETED", type: { in: ["NEW_CUSTOMER", "EXPANSION"] } },
          orderBy: [{ completedAt: "asc" }, { id: "asc" }],
          select: { completedAt: true, account: { select: { name: true } } },
        }),
      ]);
      const content = {
        overdue: overdue.map((t) => ({ label: TOUCHPOINT_LABELS[t.type], accountName: t.account.name, dueDate: t.dueDate })),
        upcoming: upcoming.map((t) => ({ label: TOUCHPOINT_LABELS[t.type], accountName: t.account.name, dueDate: t.dueDate })),
        renewals: renewals.map((r) => ({ accountName: r.account.name, renewalDate: r.renewalDate, amountCents: r.amountCents, stageLabel: RENEWAL_STAGE_LABELS[r.stage] })),
        acknowledgments: acknowledgments.map((h) => ({ accountName: h.account.name, completedAt: h.completedAt })),
      };
      if (digestIsEmpty(content)) return null;
      const { subject, text } = digestEmail({ ...content, csmName: csm.name, today, appUrl: env().APP_URL });
      const result = await prisma.$transaction((tx) =>
        recordAlert(tx, { key, now, notifications: [], email: { kind: "DIGEST", to: [csm.email], subject, body: text } }),
      );
      return { key, created: result.created };
    },
    options,
  );
}
