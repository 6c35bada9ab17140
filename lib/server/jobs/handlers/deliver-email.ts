import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { meetingInvite } from "@/lib/calendar/ics";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import { sendMail, type OutgoingMail } from "@/lib/server/mail/mailer";

// Sends stored e-mails (the outbox rows that alerts and the handoff-call invitation write). The row is locked
// while it is sent and marked sent in the same transaction, so two deliveries of one e-mail run one after the
// other and the second finds it sent. (A crash after the SMTP server accepted the message but before the
// commit can still send it twice: no mail system can make that exactly-once.)

export type DeliveryOutcome = "sent" | "already-sent" | "missing";

/** The handoff-call e-mail's key names its meeting; the invitation is rebuilt from the meeting at send time. */
export const HANDOFF_CALL_KEY_PREFIX = "handoff-call:";
/** Any other meeting invitation (the handoff meeting, a moved handoff call): `meeting-invite:<meetingId>:<sequence>`. */
export const MEETING_INVITE_KEY_PREFIX = "meeting-invite:";

const SUMMARY: Record<string, string> = { HANDOFF_CALL: "Handoff call", HANDOFF_MEETING: "Handoff meeting", KICKOFF: "Kick-off" };

async function attachmentsFor(tx: Tx, email: { dedupeKey: string | null; fromEmail: string }): Promise<OutgoingMail["attachments"]> {
  const key = email.dedupeKey ?? "";
  const prefix = [HANDOFF_CALL_KEY_PREFIX, MEETING_INVITE_KEY_PREFIX].find((candidate) => key.startsWith(candidate));
  if (!prefix) return undefined;
  const meetingId = key.slice(prefix.length).split(":")[0] ?? "";
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    select: { id: true, kind: true, startsAt: true, durationMinutes: true, attendeeEmails: true, notes: true, sequence: true, account: { select: { name: true } } },
  });
  if (!meeting) return undefined;
  const people = await tx.user.findMany({ where: { email: { in: meeting.attendeeEmails } }, select: { name: true, email: true } });
  const nameOf = (address: string) => people.find((person) => person.email === address)?.name ?? address;
  const ics = meetingInvite({
    uid: `${meeting.id}@baton`,
    sequence: meeting.sequence,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    summary: `${SUMMARY[meeting.kind] ?? "Meeting"}: ${meeting.account.name}`,
    description: meeting.notes,
    organizer: { name: "Baton", email: addressOf(env().MAIL_FROM) },
    attendees: meeting.attendeeEmails.map((address) => ({ name: nameOf(address), email: address })),
  });
  const file = meeting.kind === "HANDOFF_MEETING" ? "handoff-meeting.ics" : "handoff-call.ics";
  return [{ filename: file, content: ics, contentType: "text/calendar; charset=utf-8; method=REQUEST" }];
}

/** "Baton <baton@x>" → "baton@x". */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

export async function deliverEmail(emailId: string, now = new Date()): Promise<DeliveryOutcome> {
  return prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "EmailMessage" WHERE id = ${emailId} AND "sentAt" IS NULL FOR UPDATE`;
      if (locked.length === 0) {
        const exists = await tx.emailMessage.count({ where: { id: emailId } });
        return exists > 0 ? "already-sent" : "missing";
      }
      const email = await tx.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
      await sendMail({
        from: email.fromEmail,
        to: email.toEmails,
        cc: email.ccEmails,
        subject: email.subject,
        text: email.body,
        attachments: await attachmentsFor(tx, email),
      });
      await tx.emailMessage.update({ where: { id: emailId }, data: { sentAt: now } });
      return "sent";
    },
    { timeout: 60_000, maxWait: 15_000 },
  );
}

// Old enough that its own delivery job should have run; young enough to still be worth sending.
const STALE_AFTER_MS = 10 * 60_000;
const GIVE_UP_AFTER_MS = 3 * 86_400_000;

/** Re-enqueues job-made e-mails still unsent after ten minutes (their job was lost or gave up). */
export async function deliverPendingEmails(now: Date): Promise<number> {
  const pending = await prisma.emailMessage.findMany({
    where: {
      sentAt: null,
      dedupeKey: { not: null },
      createdAt: { lte: new Date(now.getTime() - STALE_AFTER_MS), gte: new Date(now.getTime() - GIVE_UP_AFTER_MS) },
    },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true },
  });
  for (const email of pending) await enqueueJob("deliver-email", { emailId: email.id }, { singletonKey: `deliver:${email.id}` });
  if (pending.length > 0) logger.info({ count: pending.length }, "re-enqueued unsent e-mails");
  return pending.length;
}
