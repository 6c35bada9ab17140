import "server-only";
import { prisma } from "@/lib/db";
import { addBusinessHours } from "@/lib/business-hours";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { formatDate } from "@/lib/format";
import { OPEN_RENEWAL_STAGES } from "@/lib/renewals/stages";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import { fallbackOwnerId } from "@/lib/server/handoffs/fallback-owner";
import { recordAudit } from "@/lib/server/audit";
import { runSweep, type SweepOptions, type SweepResult } from "@/lib/server/jobs/handlers/sweep";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { activeUser, activeUsersWithRole } from "@/lib/server/notifications/recipients";
import { getSettings } from "@/lib/server/settings/get-settings";

// Handoff type "Renewal" (000): 90 days before the renewal date (settings.handoff.renewalHandoffDaysBefore),
// renewal planning starts with a Renewal handoff, due like every handoff 72 business hours later. One per
// renewal opportunity — Handoff.renewalOpportunityId is unique in the database, and the renewal row is locked
// while it is checked. An account without a CSM gets a CSM suggestion for a CS manager to decide on.
// The CSM (or the CS managers) is told in the bell. It completes when the renewal moves past Renewal pending.

export function renewalHandoffKey(renewalId: string): string {
  return `renewal-handoff:${renewalId}`;
}

export async function openRenewalHandoffs(now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const settings = await getSettings();
  const today = companyToday(now, settings.calendar.timezone);
  const renewals = await prisma.renewalOpportunity.findMany({
    where: {
      stage: { in: [...OPEN_RENEWAL_STAGES] },
      renewalDate: { lte: addCalendarDays(today, settings.handoff.renewalHandoffDaysBefore) },
      handoff: { is: null },
    },
    orderBy: [{ renewalDate: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return runSweep(
    "renewal-handoffs",
    renewals,
    async (renewal) => {
      const key = renewalHandoffKey(renewal.id);
      const created = await prisma.$transaction(
        async (tx) => {
          const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RenewalOpportunity" WHERE id = ${renewal.id} FOR UPDATE`;
          if (locked.length === 0) return false;
          const row = await tx.renewalOpportunity.findUniqueOrThrow({
            where: { id: renewal.id },
            select: { id: true, name: true, renewalDate: true, stage: true, handoff: { select: { id: true } }, account: { select: { id: true, name: true, csmId: true } } },
          });
          if (row.handoff || !OPEN_RENEWAL_STAGES.includes(row.stage)) return false;
          // Co-termed renewals (an expansion renewing with the original contract) are one renewal conversation.
          const coTermed = await tx.handoff.findFirst({
            where: { type: "RENEWAL", accountId: row.account.id, renewalOpportunity: { renewalDate: row.renewalDate } },
            select: { id: true },
          });
          if (coTermed) return false;
          // The CSM leads renewal planning; until one is assigned, a CS manager owns it.
          const ownerId = row.account.csmId ?? (await fallbackOwnerId(tx, row.account.id));
          const handoff = await tx.handoff.create({
            data: {
              type: "RENEWAL",
              ownerId,
              accountId: row.account.id,
              renewalOpportunityId: row.id,
              startedAt: now,
              dueAt: addBusinessHours(now, settings.handoff.slaBusinessHours, settings.calendar),
            },
            select: { id: true },
          });
          const csm = await activeUser(tx, row.account.csmId);
          if (!row.account.csmId) await createCsmSuggestion(tx, { handoffId: handoff.id, now });
          await recordAudit(tx, {
            actorId: null,
            action: "handoff.renewal_opened",
            entityType: "Handoff",
            entityId: handoff.id,
            data: { renewalOpportunityId: row.id, accountId: row.account.id, renewalDate: row.renewalDate.toISOString().slice(0, 10), via: "job" },
          });
          const recipients = csm ? [csm] : await activeUsersWithRole(tx, "CS_MANAGER");
          const body = csm
            ? `Renewal on ${formatDate(row.renewalDate)}: hold the renewal planning meeting — stakeholders, usage trend, pricing strategy — and move the renewal to Planning.`
            : `Renewal on ${formatDate(row.renewalDate)} and the account has no CSM: review the CSM suggestion.`;
          await recordAlert(tx, {
            key,
            now,
            notifications: recipients.map((user) => ({ userId: user.id, kind: "renewal_handoff", title: `Renewal handoff opened: ${row.account.name}`, body, link: `/handoffs/${handoff.id}` })),
          });
          return true;
        },
        { timeout: 30_000 },
      );
      return { key, created };
    },
    options,
  );
}
