import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { formatCentsWhole, formatDate } from "@/lib/format";
import { runSweep, type SweepOptions, type SweepResult } from "@/lib/server/jobs/handlers/sweep";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { activeUser, activeUsersWithRole } from "@/lib/server/notifications/recipients";
import { getSettings } from "@/lib/server/settings/get-settings";

// Guardrail (000): "Alert if renewal opp not created within 24h". The closed-won flow creates the renewal
// opportunity in its own transaction, so this only fires when something bypassed it (a deal set to closed-won
// by hand in the database, a failed import). It alerts the deal's AE and RevOps (the admins), who own the
// data, once per deal (key `missing-renewal:<dealId>`). The hours are settings.handoff.renewalOpportunityAlertHours.

export function missingRenewalKey(dealId: string): string {
  return `missing-renewal:${dealId}`;
}

export async function alertMissingRenewals(now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const settings = await getSettings();
  const cutoff = new Date(now.getTime() - settings.handoff.renewalOpportunityAlertHours * 3_600_000);
  // A deal marked won in Baton is timed from that moment; one that arrived won (no closedWonAt) from its close date.
  const deals = await prisma.deal.findMany({
    where: {
      stage: "CLOSED_WON",
      renewal: { is: null },
      OR: [{ closedWonAt: { lte: cutoff } }, { closedWonAt: null, closeDate: { lte: cutoff } }],
    },
    orderBy: [{ closeDate: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return runSweep(
    "missing-renewals",
    deals,
    async (deal) => {
      const key = missingRenewalKey(deal.id);
      const created = await prisma.$transaction(async (tx) => {
        const row = await tx.deal.findUniqueOrThrow({
          where: { id: deal.id },
          select: { id: true, name: true, amountCents: true, closeDate: true, ownerId: true, renewal: { select: { id: true } }, account: { select: { id: true, name: true } } },
        });
        if (row.renewal) return false;
        const owner = await activeUser(tx, row.ownerId);
        const admins = await activeUsersWithRole(tx, "ADMIN");
        const recipients = [...(owner ? [owner] : []), ...admins];
        const link = `/deals/${row.id}`;
        const body = `${row.name} (${row.account.name}, ${formatCentsWhole(row.amountCents)} ARR) closed won on ${formatDate(row.closeDate)} and has no renewal opportunity ${settings.handoff.renewalOpportunityAlertHours} hours later. The renewal is missing from the pipeline: create it through the closed-won flow or an import.`;
        const result = await recordAlert(tx, {
          key,
          now,
          notifications: recipients.map((user) => ({ userId: user.id, kind: "renewal_missing", title: `No renewal opportunity: ${row.account.name}`, body, link })),
          email: {
            kind: "ESCALATION",
            to: recipients.map((user) => user.email),
            subject: `No renewal opportunity ${settings.handoff.renewalOpportunityAlertHours} hours after closed-won: ${row.name}`,
            body: `${body}\n\nOpen the deal: ${env().APP_URL}${link}\n`,
            accountId: row.account.id,
          },
        });
        return result.created;
      });
      return { key, created };
    },
    options,
  );
}
