import "server-only";
import { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { formatDateTimeInZone } from "@/lib/format";
import type { ActingUser } from "@/lib/server/authz";
import { freeSlotsFor } from "@/lib/server/calendar/availability";
import { findVisibleHandoff, visibleHandoffOnce } from "@/lib/server/handoffs/access";
import { canLogHandoffMeeting, canMoveHandoffCall } from "@/lib/server/handoffs/permissions";
import { MEETING_INVITE_KEY_PREFIX } from "@/lib/server/jobs/handlers/deliver-email";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { getSettings } from "@/lib/server/settings/get-settings";
import { requestSettings } from "@/lib/server/settings/request-settings";
import { companyToday } from "@/lib/calendar/company-day";

// Meeting times that fit both people (000 step 6, `suggestedTimes: getAvailability([AE, CSM])`): the handoff
// call (AE + CSM) and the handoff meeting (AE + CS manager) are offered at the next free 30-minute slots of
// both, and a moved call goes out again as a timed .ics invitation with the managers in cc.

const SLOTS_OFFERED = 6;
// A slot offered now starts at least this far ahead, so nobody is invited to a meeting starting this minute.
const NOTICE_MS = 60 * 60_000;

export const moveCallInput = z.object({ handoffId: z.string().min(1), startsAt: z.iso.datetime({ message: "Choose one of the offered times" }) });
export const meetingSlotsInput = z.object({ handoffId: z.string().min(1), csManagerId: z.string().min(1, "Choose the CS manager first") });

async function callOf(tx: Tx, handoffId: string) {
  return tx.meeting.findFirst({
    where: { handoffId, kind: "HANDOFF_CALL" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, startsAt: true, durationMinutes: true, attendeeEmails: true, sequence: true, dealId: true, accountId: true, account: { select: { name: true } } },
  });
}

async function callPeople(tx: Tx, attendeeEmails: string[]) {
  return tx.user.findMany({ where: { email: { in: attendeeEmails }, active: true }, select: { id: true, name: true, email: true, manager: { select: { email: true, active: true } } } });
}

/** The handoff call and the other times both its people are free, for the AE, the account's CSM or a CS manager. */
export async function handoffCallTimes(actor: ActingUser, handoffId: string, now = new Date()) {
  const access = await visibleHandoffOnce(actor, handoffId);
  const call = await callOf(prisma, access.id);
  if (!call) return null;
  const [settings, people] = await Promise.all([requestSettings(), callPeople(prisma, call.attendeeEmails)]);
  const canMove = canMoveHandoffCall(actor, access);
  const slots = canMove
    ? (await freeSlotsFor(prisma, { userIds: people.map((p) => p.id), from: new Date(now.getTime() + NOTICE_MS), durationMinutes: call.durationMinutes, count: SLOTS_OFFERED + 1, settings, ignoreMeetingId: call.id }))
        .filter((slot) => slot.getTime() !== call.startsAt.getTime())
        .slice(0, SLOTS_OFFERED)
    : [];
  return {
    meetingId: call.id,
    startsAt: call.startsAt,
    when: formatDateTimeInZone(call.startsAt, settings.calendar.timezone),
    attendees: people.map((p) => p.name),
    canMove,
    slots: slots.map((slot) => ({ startsAt: slot.toISOString(), label: formatDateTimeInZone(slot, settings.calendar.timezone) })),
  };
}

/** Moves the handoff call to a time both are free (checked again here) and sends the updated invitation. */
export async function moveHandoffCall(actor: ActingUser, input: z.infer<typeof moveCallInput>, now = new Date()): Promise<{ startsAt: Date }> {
  const parsed = moveCallInput.parse(input);
  const startsAt = new Date(parsed.startsAt);
  return prisma.$transaction(async (tx) => {
    const access = await findVisibleHandoff(actor, parsed.handoffId, tx);
    if (!canMoveHandoffCall(actor, access)) throw forbidden("Only the AE, the CSM or a CS manager can move the handoff call.");
    const call = await callOf(tx, access.id);
    if (!call) throw notFound("The handoff call");
    await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${call.id} FOR UPDATE`;
    const settings = await getSettings(tx);
    const people = await callPeople(tx, call.attendeeEmails);
    const [fits] = await freeSlotsFor(tx, { userIds: people.map((p) => p.id), from: startsAt, durationMinutes: call.durationMinutes, count: 1, settings, ignoreMeetingId: call.id });
    if (startsAt.getTime() < now.getTime() + NOTICE_MS || fits?.getTime() !== startsAt.getTime()) {
      throw new AppError("CONFLICT", "That time is no longer free for both of you; choose one of the times offered now.", { startsAt: ["No longer free for both"] });
    }
    const sequence = call.sequence + 1;
    await tx.meeting.update({ where: { id: call.id }, data: { startsAt, sequence } });
    if (call.dealId) {
      await tx.touchpoint.updateMany({ where: { sourceDealId: call.dealId, type: "HANDOFF_CALL" }, data: { dueDate: companyToday(startsAt, settings.calendar.timezone), ruleDate: companyToday(startsAt, settings.calendar.timezone) } });
    }
    const when = formatDateTimeInZone(startsAt, settings.calendar.timezone);
    const managers = people.map((p) => (p.manager?.active ? p.manager.email : null)).filter((email): email is string => Boolean(email));
    const link = `/handoffs/${access.id}`;
    await recordAlert(tx, {
      key: `${MEETING_INVITE_KEY_PREFIX}${call.id}:${sequence}`,
      now,
      notifications: people.filter((p) => p.id !== actor.id).map((p) => ({ userId: p.id, kind: "handoff_call", title: `Handoff call moved: ${call.account.name}`, body: `${when} — moved by ${actor.name}`, link })),
      email: {
        kind: "HANDOFF_NOTIFICATION",
        to: people.map((p) => p.email),
        cc: managers,
        subject: `Handoff call moved: ${call.account.name} — ${when}`,
        body: `${actor.name} moved the handoff call for ${call.account.name} to ${when}, a time both of you are free. The updated invitation is attached.`,
        accountId: call.accountId,
        handoffId: access.id,
        sentById: actor.id,
      },
    });
    return { startsAt };
  });
}

/** Free times for the handoff meeting of the deal's AE with the chosen CS manager. */
export async function handoffMeetingTimes(actor: ActingUser, input: z.infer<typeof meetingSlotsInput>, now = new Date()) {
  const parsed = meetingSlotsInput.parse(input);
  const access = await findVisibleHandoff(actor, parsed.handoffId);
  if (!canLogHandoffMeeting(actor, access)) throw forbidden("Only the deal's AE or a CS manager can schedule the handoff meeting.");
  const manager = await prisma.user.findFirst({ where: { id: parsed.csManagerId, role: "CS_MANAGER", active: true }, select: { id: true } });
  if (!manager) throw new AppError("VALIDATION", "Choose an active CS manager.", { csManagerId: ["Choose an active CS manager"] });
  const settings = await getSettings();
  const userIds = [access.ownerId, manager.id].filter((id): id is string => Boolean(id));
  const slots = await freeSlotsFor(prisma, { userIds, from: new Date(now.getTime() + NOTICE_MS), durationMinutes: 30, count: SLOTS_OFFERED, settings });
  const local = (slot: Date) => {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: settings.calendar.timezone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(slot);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
  };
  return slots.map((slot) => ({ startsAt: slot.toISOString(), label: formatDateTimeInZone(slot, settings.calendar.timezone), ...local(slot) }));
}
