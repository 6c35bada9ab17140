import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS } from "@/lib/labels";
import type { HandoffStatus } from "@/lib/generated/prisma/enums";
import { getBoss } from "@/lib/server/jobs/boss";
import { runSweep, type SweepOptions, type SweepResult } from "@/lib/server/jobs/handlers/sweep";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { notifySlack } from "@/lib/server/slack/notify-slack";
import { activeUser, activeUsersWithRole, type Recipient } from "@/lib/server/notifications/recipients";
import { getSettings } from "@/lib/server/settings/get-settings";

// The 72-hour rule's escalation: when a handoff reaches its due time (72 business hours after closed-won)
// and is not completed, its AE and the AE's manager are alerted, once (key `handoff-escalation:<handoffId>`).
// A Renewal handoff is the CSM's (renewal planning), so it escalates to the CSM and the CSM's manager.
// Whoever is missing is replaced by the CS managers, so an escalation always reaches somebody.
// Sent by a delayed job at the due time (enqueued by closeDealWon) and by a sweep every few minutes.

export const OPEN_HANDOFF_STATUSES: HandoffStatus[] = ["IN_PROGRESS", "SUBMITTED"];

export function escalationKey(handoffId: string): string {
  return `handoff-escalation:${handoffId}`;
}

async function escalationRecipients(tx: Tx, handoff: { type: string; ownerId: string | null; deal: { ownerId: string } | null; account: { aeId: string | null; csmId: string | null } }) {
  // The handoff's owner first (the AE, the renewal's CSM or CS manager, the expansion's lead).
  const lead =
    (await activeUser(tx, handoff.ownerId)) ??
    (handoff.type === "RENEWAL" ? await activeUser(tx, handoff.account.csmId) : await activeUser(tx, handoff.deal?.ownerId ?? handoff.account.aeId));
  const manager = await activeUser(tx, lead?.managerId);
  if (lead) return { to: [lead], cc: manager ? [manager] : [] };
  return { to: await activeUsersWithRole(tx, "CS_MANAGER"), cc: [] as Recipient[] };
}

/** Escalates one handoff if it is due and still open; returns whether an escalation was written now. */
export async function escalateHandoff(handoffId: string, now: Date): Promise<{ key: string; created: boolean } | null> {
  await getBoss();
  return prisma.$transaction(async (tx) => {
    const handoff = await tx.handoff.findUnique({
      where: { id: handoffId },
      select: {
        id: true,
        type: true,
        status: true,
        dueAt: true,
        ownerId: true,
        deal: { select: { ownerId: true, name: true } },
        account: { select: { id: true, name: true, aeId: true, csmId: true } },
      },
    });
    if (!handoff || !OPEN_HANDOFF_STATUSES.includes(handoff.status) || handoff.dueAt.getTime() > now.getTime()) return null;
    const settings = await getSettings(tx);
    const key = escalationKey(handoff.id);
    const { to, cc } = await escalationRecipients(tx, handoff);
    const due = formatDateTime(handoff.dueAt, settings.calendar.timezone);
    const type = HANDOFF_TYPE_LABELS[handoff.type];
    const link = `/handoffs/${handoff.id}`;
    const body = [
      `The ${type.toLowerCase()} handoff for ${handoff.account.name} was due ${due} (${settings.handoff.slaBusinessHours} business hours) and is still ${HANDOFF_STATUS_LABELS[handoff.status].toLowerCase()}.`,
      handoff.type === "RENEWAL"
        ? "Finish the renewal flow: the renewal plan, the stakeholders re-confirmed and the renewal-planning touchpoint."
        : handoff.type === "EXPANSION" && !handoff.deal
          ? "Finish the expansion flow: the upsell products and potential, who leads, and the expansion deal."
          : "Finish the checklist and the four policy steps: handoff meeting, client introduction, documentation transfer and account setup.",
    ].join(" ");
    const result = await recordAlert(tx, {
      key,
      now,
      notifications: [...to, ...cc].map((user) => ({ userId: user.id, kind: "handoff_overdue", title: `Handoff overdue: ${handoff.account.name}`, body, link })),
      email: {
        kind: "ESCALATION",
        to: to.map((user) => user.email),
        cc: cc.map((user) => user.email),
        subject: `Escalation: ${type} handoff for ${handoff.account.name} is overdue`,
        body: `${body}\n\nOpen the handoff: ${env().APP_URL}${link}\n`,
        accountId: handoff.account.id,
        handoffId: handoff.id,
      },
    });
    if (result.created) await notifySlack(tx, { kind: "handoff.overdue", handoffId: handoff.id });
    return { key, created: result.created };
  });
}

/** Every open handoff past its due time. */
export async function escalateDueHandoffs(now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const due = await prisma.handoff.findMany({
    where: { status: { in: OPEN_HANDOFF_STATUSES }, dueAt: { lte: now } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return runSweep("escalate-due-handoffs", due, (handoff) => escalateHandoff(handoff.id, now), options);
}
