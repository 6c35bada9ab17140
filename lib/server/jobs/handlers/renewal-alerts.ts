import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { daysBetween } from "@/lib/dates";
import { env } from "@/lib/env";
import { formatCentsWhole } from "@/lib/format";
import { decisionDate } from "@/lib/forecast/terms";
import { renewalAlertMarkdown } from "@/lib/renewals/renewal-alert";
import { OPEN_RENEWAL_STAGES } from "@/lib/renewals/stages";
import { renewalAlertDue } from "@/lib/touchpoints/schedule";
import { runSweep, type SweepOptions, type SweepResult } from "@/lib/server/jobs/handlers/sweep";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { notifySlack } from "@/lib/server/slack/notify-slack";
import { activeUser, activeUsersWithRole } from "@/lib/server/notifications/recipients";
import { latestRiskLevels } from "@/lib/server/renewals/alert-context";
import { getSettings } from "@/lib/server/settings/get-settings";

// The seed's "Renewal Alert" at 90, 60 and 30 days (settings.handoff.renewalAlertDays) before each open
// renewal, to the account's CSM — or every CS manager when the account has none — in the bell and by e-mail.
//
// One alert per threshold, keyed `renewal-alert:<renewalId>:<days>`. When several thresholds are due at once
// (the worker was down, or the renewal was created inside the window), only the most urgent one is sent: two
// alerts saying the same thing at the same moment are noise, and the most urgent one carries the right next
// step. The skipped thresholds never fire later, because the most urgent due threshold can only get smaller.

export function renewalAlertKey(renewalId: string, days: number): string {
  return `renewal-alert:${renewalId}:${days}`;
}

export async function sendRenewalAlerts(now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const settings = await getSettings();
  const today = companyToday(now, settings.calendar.timezone);
  const alertDays = settings.handoff.renewalAlertDays;
  // A notice period moves the real decision ahead of the renewal date (the forecast issue): the alerts count down
  // to the decision date then, so they look up to the longest notice (365 days) further ahead.
  const renewals = await prisma.renewalOpportunity.findMany({
    where: { stage: { in: [...OPEN_RENEWAL_STAGES] }, renewalDate: { lte: addCalendarDays(today, Math.max(...alertDays) + 365) } },
    orderBy: [{ renewalDate: "asc" }, { id: "asc" }],
    select: { id: true, renewalDate: true, noticeDays: true },
  });
  return runSweep(
    "renewal-alerts",
    renewals,
    async (renewal) => {
      const due = renewalAlertDue(decisionDate(renewal), today, alertDays);
      const days = due[due.length - 1];
      if (days === undefined) return null;
      const key = renewalAlertKey(renewal.id, days);
      const created = await prisma.$transaction((tx) => writeRenewalAlert(tx, renewal.id, days, key, today, now));
      return { key, created };
    },
    options,
  );
}

async function writeRenewalAlert(tx: Tx, renewalId: string, days: number, key: string, today: Date, now: Date): Promise<boolean> {
  const renewal = await tx.renewalOpportunity.findUniqueOrThrow({
    where: { id: renewalId },
    select: {
      id: true,
      name: true,
      amountCents: true,
      renewalDate: true,
      account: { select: { id: true, name: true, healthScore: true, usagePct: true, csmId: true } },
    },
  });
  const { account } = renewal;
  const csm = await activeUser(tx, account.csmId);
  const risk = (await latestRiskLevels(tx, [account.id])).get(account.id) ?? null;
  const markdown = renewalAlertMarkdown({
    accountName: account.name,
    arrCents: renewal.amountCents,
    renewalDate: renewal.renewalDate,
    today,
    csmName: csm?.name ?? null,
    healthScore: account.healthScore,
    usagePct: Number(account.usagePct),
    riskLevel: risk,
  });
  const recipients = csm ? [csm] : await activeUsersWithRole(tx, "CS_MANAGER");
  const away = daysBetween(today, renewal.renewalDate);
  const when = away < 0 ? `${-away} days overdue` : `in ${away} days`;
  const link = `/accounts/${account.id}`;
  const result = await recordAlert(tx, {
    key,
    now,
    // An account can renew two contracts on one day (the original and an expansion): the ARR in the title and
    // the renewal's name in the subject tell the alerts apart.
    notifications: recipients.map((user) => ({ userId: user.id, kind: "renewal_alert", title: `Renewal ${when}: ${account.name} (${formatCentsWhole(renewal.amountCents)} ARR)`, body: markdown, link })),
    email: {
      kind: "RENEWAL_ALERT",
      to: recipients.map((user) => user.email),
      subject: `Renewal due ${when}: ${renewal.name} (${days}-day alert)`,
      body: `${markdown}\n\nOpen the account: ${env().APP_URL}${link}\n`,
      accountId: account.id,
    },
  });
  if (result.created) await notifySlack(tx, { kind: "renewal.alert", renewalId: renewal.id, daysBefore: days });
  return result.created;
}
