import "server-only";
import type { Tx } from "@/lib/db";
import { companyToday, handoffCallStart } from "@/lib/calendar/company-day";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { formatDateTimeInZone } from "@/lib/format";
import { freeSlotsFor } from "@/lib/server/calendar/availability";
import { HANDOFF_CALL_KEY_PREFIX } from "@/lib/server/jobs/handlers/deliver-email";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { getSettings } from "@/lib/server/settings/get-settings";

// Seed step 6, "send handoff communication": once a CSM is assigned to an account, Baton books the 30-minute
// handoff call between the AE and the CSM (settings.timing.handoffCallMinutes) and e-mails both of them, with
// their managers in cc (the AE's and the CSM's, as the seed's `cc: [deal.ownerManagerId, csm.managerId]`),
// and an .ics invitation. The call is a Meeting (kind HANDOFF_CALL) and a HANDOFF_CALL touchpoint in the CSM's
// book. Runs inside the assignment's transaction: the e-mail is stored there with its delivery job, so a
// rolled-back assignment never mails anybody. Calling it again for the same CSM and handoff does nothing.

export interface CsmAssignedInput {
  accountId: string;
  handoffId: string | null;
  csmId: string;
  now: Date;
}

const personSelect = { id: true, name: true, email: true, active: true, manager: { select: { email: true, active: true } } } as const;

export async function onCsmAssigned(tx: Tx, input: CsmAssignedInput): Promise<{ meetingId: string; created: boolean }> {
  // One call per CSM and handoff even when two assignments commit at once.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Account" WHERE id = ${input.accountId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("The account");
  // One query after the other: a transaction is one connection.
  const account = await tx.account.findUniqueOrThrow({ where: { id: input.accountId }, select: { id: true, name: true, ae: { select: personSelect } } });
  const handoff = input.handoffId
    ? await tx.handoff.findUnique({ where: { id: input.handoffId }, select: { id: true, type: true, dealId: true, deal: { select: { name: true, owner: { select: personSelect } } } } })
    : null;
  const csm = await tx.user.findUniqueOrThrow({ where: { id: input.csmId }, select: personSelect });
  const settings = await getSettings(tx);
  const existing = await tx.meeting.findFirst({
    where: { accountId: account.id, kind: "HANDOFF_CALL", handoffId: handoff?.id ?? null, attendeeEmails: { has: csm.email } },
    select: { id: true },
  });
  if (existing) return { meetingId: existing.id, created: false };

  const ae = handoff?.deal?.owner ?? account.ae;
  const aeActive = ae?.active ? ae : null;
  const minutes = settings.timing.handoffCallMinutes;
  // The first half hour both are free, inside both workdays in their own time zones, from the next business
  // day on (a day to read the handoff document); 10:00 company time only if the next three weeks are full.
  const [slot] = await freeSlotsFor(tx, {
    userIds: [aeActive?.id, csm.id].filter((id): id is string => Boolean(id)),
    from: handoffCallStart(input.now, settings.calendar, 0),
    durationMinutes: minutes,
    count: 1,
    settings,
  });
  const startsAt = slot ?? handoffCallStart(input.now, settings.calendar);
  const when = formatDateTimeInZone(startsAt, settings.calendar.timezone);
  const agenda = "Agenda: deal context, success criteria, stakeholders, risk review.";
  const meeting = await tx.meeting.create({
    data: {
      kind: "HANDOFF_CALL",
      accountId: account.id,
      dealId: handoff?.dealId ?? null,
      handoffId: handoff?.id ?? null,
      startsAt,
      durationMinutes: minutes,
      attendeeEmails: [aeActive?.email, csm.email].filter((email): email is string => Boolean(email)),
      notes: agenda,
      // The AE hands the account over, so the call is theirs; without an AE, the CSM's.
      createdById: aeActive?.id ?? csm.id,
    },
    select: { id: true },
  });
  await planHandoffCallTouchpoint(tx, { accountId: account.id, dealId: handoff?.dealId ?? null, csmId: csm.id, day: companyToday(startsAt, settings.calendar.timezone) });

  const link = handoff ? `/handoffs/${handoff.id}` : `/accounts/${account.id}`;
  const people = [aeActive, csm].filter((person): person is NonNullable<typeof person> => Boolean(person));
  const managers = people.map((person) => (person.manager?.active ? person.manager.email : null)).filter((email): email is string => Boolean(email));
  const body = [
    `${csm.name} is the CSM for ${account.name}.`,
    "",
    `Handoff call (${minutes} minutes): ${when}, ${people.map((person) => person.name).join(" and ")} — the first time both of you are free in your working hours. The invitation is attached; other free times are offered on the handoff page.`,
    agenda,
    "",
    `Handoff: ${env().APP_URL}${link}`,
  ].join("\n");
  await recordAlert(tx, {
    key: `${HANDOFF_CALL_KEY_PREFIX}${meeting.id}`,
    now: input.now,
    notifications: people.map((person) => ({ userId: person.id, kind: "handoff_call", title: `Handoff call booked: ${account.name}`, body: `${when} — ${people.map((p) => p.name).join(" and ")}`, link })),
    email: {
      kind: "HANDOFF_NOTIFICATION",
      to: people.map((person) => person.email),
      cc: managers,
      subject: `Handoff call: ${account.name} — ${when}`,
      body,
      accountId: account.id,
      handoffId: handoff?.id ?? null,
    },
  });
  return { meetingId: meeting.id, created: true };
}

/** The call in the CSM's book: one HANDOFF_CALL touchpoint per deal (moved to the new CSM on reassignment). */
async function planHandoffCallTouchpoint(tx: Tx, input: { accountId: string; dealId: string | null; csmId: string; day: Date }): Promise<void> {
  const data = { dueDate: input.day, ruleDate: input.day, ownerId: input.csmId, aeInvited: true, status: "PLANNED" as const, completedAt: null };
  if (input.dealId) {
    await tx.touchpoint.upsert({
      where: { sourceDealId_type: { sourceDealId: input.dealId, type: "HANDOFF_CALL" } },
      create: { ...data, accountId: input.accountId, sourceDealId: input.dealId, type: "HANDOFF_CALL" },
      update: data,
    });
    return;
  }
  await tx.touchpoint.create({ data: { ...data, accountId: input.accountId, type: "HANDOFF_CALL" } });
}
