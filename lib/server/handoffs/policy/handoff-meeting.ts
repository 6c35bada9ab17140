import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { zonedDateTimeToInstant } from "@/lib/zoned-time";
import { handoffMeetingSchema, handoffIdField } from "@/lib/handoff/forms";
import type { ActingUser } from "@/lib/server/authz";
import { findVisibleHandoff } from "@/lib/server/handoffs/access";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { canLogHandoffMeeting } from "@/lib/server/handoffs/permissions";
import { completePolicyStep } from "@/lib/server/handoffs/policy/complete-step";
import { getSettings } from "@/lib/server/settings/get-settings";
import { formatDateTimeInZone } from "@/lib/format";
import { MEETING_INVITE_KEY_PREFIX } from "@/lib/server/jobs/handlers/deliver-email";
import { recordAlert } from "@/lib/server/notifications/record-alert";

export const logHandoffMeetingInput = handoffMeetingSchema.extend(handoffIdField);

/**
 * Step 1 of the 72-hour rule: the internal briefing between the AE and a CS manager, logged as a meeting
 * on both the deal and the account. Either of them may log it.
 */
export async function logHandoffMeeting(actor: ActingUser, input: z.infer<typeof logHandoffMeetingInput>, now = new Date()) {
  const parsed = logHandoffMeetingInput.parse(input);
  const extra = parseEmails(parsed.otherAttendees);
  await prisma.$transaction(async (tx) => {
    await lockHandoff(tx, parsed.handoffId);
    const access = await findVisibleHandoff(actor, parsed.handoffId, tx);
    if (!canLogHandoffMeeting(actor, access)) throw forbidden("Only the deal's AE or a CS manager can log the handoff meeting.");
    if (access.status === "SKIPPED") throw new AppError("CONFLICT", "This handoff was skipped.");

    const [manager, owner, settings] = await Promise.all([
      tx.user.findFirst({ where: { id: parsed.csManagerId, role: "CS_MANAGER", active: true }, select: { id: true, email: true, name: true } }),
      access.ownerId ? tx.user.findUnique({ where: { id: access.ownerId }, select: { email: true } }) : null,
      getSettings(tx),
    ]);
    if (!manager) throw new AppError("VALIDATION", "Choose an active CS manager.", { csManagerId: ["Choose an active CS manager"] });

    const startsAt = zonedDateTimeToInstant(parsed.date, parsed.time, settings.calendar.timezone);
    const attendeeEmails = [...new Set([owner?.email, manager.email, ...extra].filter((email): email is string => Boolean(email)))];
    const meeting = await tx.meeting.create({
      data: {
        kind: "HANDOFF_MEETING",
        accountId: access.accountId,
        dealId: access.dealId,
        handoffId: access.id,
        startsAt,
        durationMinutes: parsed.durationMinutes,
        attendeeEmails,
        notes: parsed.notes,
        createdById: actor.id,
      },
      select: { id: true },
    });
    // A meeting set for later goes out as a timed .ics invitation, the AE's manager in cc.
    if (startsAt.getTime() > now.getTime()) {
      const [account, aeManager] = await Promise.all([
        tx.account.findUniqueOrThrow({ where: { id: access.accountId }, select: { name: true } }),
        access.ownerId ? tx.user.findUnique({ where: { id: access.ownerId }, select: { manager: { select: { email: true, active: true } } } }) : null,
      ]);
      const when = formatDateTimeInZone(startsAt, settings.calendar.timezone);
      await recordAlert(tx, {
        key: `${MEETING_INVITE_KEY_PREFIX}${meeting.id}:0`,
        now,
        notifications: manager.id === actor.id ? [] : [{ userId: manager.id, kind: "handoff_meeting", title: `Handoff meeting: ${account.name}`, body: when, link: `/handoffs/${access.id}` }],
        email: {
          kind: "HANDOFF_NOTIFICATION",
          to: attendeeEmails,
          cc: aeManager?.manager?.active ? [aeManager.manager.email] : [],
          subject: `Handoff meeting: ${account.name} — ${when}`,
          body: `Internal handoff briefing for ${account.name}: history, pain points and the agreed ROI metrics.\n\n${parsed.notes}`,
          accountId: access.accountId,
          handoffId: access.id,
          sentById: actor.id,
        },
      });
    }
    await completePolicyStep(tx, {
      handoffId: access.id,
      step: "HANDOFF_MEETING",
      actorId: actor.id,
      data: { meetingId: meeting.id, startsAt: startsAt.toISOString(), csManager: manager.name },
      now,
    });
  });
}

function parseEmails(text: string): string[] {
  const emails = text.split(/[\s,;]+/).map((part) => part.trim().toLowerCase()).filter(Boolean);
  const bad = emails.filter((email) => !z.email().safeParse(email).success);
  if (bad.length > 0) {
    throw new AppError("VALIDATION", `Not an e-mail address: ${bad.join(", ")}`, { otherAttendees: [`Not an e-mail address: ${bad.join(", ")}`] });
  }
  return emails;
}
