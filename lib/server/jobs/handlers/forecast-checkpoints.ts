import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { addCalendarDays } from "@/lib/calendar/company-day";
import { toIsoDate } from "@/lib/dates";
import { checkpointDue } from "@/lib/forecast/checkpoint";
import { decisionDate } from "@/lib/forecast/terms";
import { OPEN_RENEWAL_STAGES } from "@/lib/renewals/stages";
import { forecastContext } from "@/lib/server/forecast/context";
import { checkpointManagers } from "@/lib/server/forecast/checkpoints";
import { runSweep, type SweepResult } from "@/lib/server/jobs/handlers/sweep";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { activeUser, activeUsersWithRole } from "@/lib/server/notifications/recipients";

// The forecast checkpoints' sweep (issue 12 §3), hourly: opens each open renewal's checkpoint when its day comes
// (settings.forecast.checkpointDays before the decision date = renewal date − notice days), then reminds the CSM of a
// checkpoint still open `reminderDaysAfterOpen` days later and escalates it to the CS manager after
// `escalationDaysAfterOpen` days — like the handoff deadline's escalation. A checkpoint opens once per renewal per
// checkpoint (a unique index); each alert is written once under its key, so a double run has one effect.

export interface CheckpointSweepResult {
  opened: SweepResult;
  reminded: SweepResult;
  escalated: SweepResult;
}

const link = (renewalId: string) => `/renewals/${renewalId}`;

export async function runForecastCheckpoints(now: Date): Promise<CheckpointSweepResult> {
  const context = await forecastContext(now);
  const { today } = context;
  const rules = context.settings.forecast;
  // Notice periods run up to a year: look that far past the earliest checkpoint.
  const horizon = addCalendarDays(today, Math.max(...rules.checkpointDays) + 366);
  const renewals = await prisma.renewalOpportunity.findMany({
    where: { stage: { in: [...OPEN_RENEWAL_STAGES] }, renewalDate: { gte: today, lte: horizon } },
    orderBy: [{ renewalDate: "asc" }, { id: "asc" }],
    select: { id: true, renewalDate: true, noticeDays: true, account: { select: { name: true, csmId: true } } },
  });
  const opened = await runSweep("forecast-checkpoints", renewals, async (renewal) => {
    const decision = decisionDate(renewal);
    const due = checkpointDue(decision, today, rules.checkpointDays);
    if (!due) return null;
    const key = `forecast-checkpoint:${renewal.id}:${due.daysBefore}`;
    const created = await prisma.$transaction(async (tx) => {
      const { count } = await tx.forecastCheckpoint.createMany({
        data: [{ renewalOpportunityId: renewal.id, daysBefore: due.daysBefore, dueDate: due.dueDate, openedAt: now }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      const csm = await activeUser(tx, renewal.account.csmId);
      const to = csm ? [csm] : await activeUsersWithRole(tx, "CS_MANAGER");
      await recordAlert(tx, {
        key,
        now,
        notifications: to.map((user) => ({
          userId: user.id,
          kind: "forecast_checkpoint",
          title: `Forecast checkpoint: ${renewal.account.name}`,
          body: `The ${due.daysBefore}-day forecast checkpoint is open (decision date ${toIsoDate(decision)}). Record your call: category, amount and outcome.`,
          link: link(renewal.id),
        })),
      });
      return true;
    });
    return { key, created };
  });

  const stale = (days: number) =>
    prisma.forecastCheckpoint.findMany({
      // Counted from when it opened, not its due day: a checkpoint opened late (a renewal created inside the window)
      // gets the CSM's full time before the reminder and the escalation.
      where: { status: "OPEN", openedAt: { lte: new Date(now.getTime() - days * 86_400_000) }, renewalOpportunity: { stage: { in: [...OPEN_RENEWAL_STAGES] } } },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      select: { id: true, daysBefore: true, renewalOpportunityId: true, renewalOpportunity: { select: { account: { select: { id: true, name: true, csmId: true } } } } },
    });

  const reminded = await runSweep("forecast-checkpoint-reminders", await stale(rules.reminderDaysAfterOpen), async (checkpoint) => {
    const key = `forecast-checkpoint-reminder:${checkpoint.id}`;
    const created = await prisma.$transaction(async (tx) => {
      const { account } = checkpoint.renewalOpportunity;
      const csm = await activeUser(tx, account.csmId);
      const to = csm ? [csm] : await activeUsersWithRole(tx, "CS_MANAGER");
      const result = await recordAlert(tx, {
        key,
        now,
        notifications: to.map((user) => ({ userId: user.id, kind: "forecast_checkpoint", title: `Reminder: forecast checkpoint for ${account.name}`, body: `The ${checkpoint.daysBefore}-day checkpoint is still waiting for your call.`, link: link(checkpoint.renewalOpportunityId) })),
      });
      if (result.created) await tx.forecastCheckpoint.update({ where: { id: checkpoint.id }, data: { remindedAt: now } });
      return result.created;
    });
    return { key, created };
  });

  const escalated = await runSweep("forecast-checkpoint-escalations", await stale(rules.escalationDaysAfterOpen), async (checkpoint) => {
    const key = `forecast-checkpoint-escalation:${checkpoint.id}`;
    const created = await prisma.$transaction(async (tx) => {
      const { account } = checkpoint.renewalOpportunity;
      const managers = await checkpointManagers(tx, account.csmId);
      const csm = await activeUser(tx, account.csmId);
      const body = `The ${checkpoint.daysBefore}-day checkpoint opened ${rules.escalationDaysAfterOpen} or more days ago and the CSM has not recorded the call.`;
      const result = await recordAlert(tx, {
        key,
        now,
        notifications: [...managers, ...(csm ? [csm] : [])].map((user) => ({
          userId: user.id,
          kind: "forecast_checkpoint_overdue",
          title: `Forecast checkpoint overdue: ${account.name}`,
          body,
          link: link(checkpoint.renewalOpportunityId),
        })),
        // Like the handoff deadline: the escalation is mailed to the managers, copying the CSM.
        email: {
          kind: "ESCALATION",
          to: managers.map((user) => user.email),
          cc: csm ? [csm.email] : [],
          subject: `Escalation: the ${checkpoint.daysBefore}-day forecast checkpoint for ${account.name} is overdue`,
          body: `${body}\n\nOpen the renewal: ${env().APP_URL}${link(checkpoint.renewalOpportunityId)}\n`,
          accountId: account.id,
        },
      });
      if (result.created) await tx.forecastCheckpoint.update({ where: { id: checkpoint.id }, data: { escalatedAt: now } });
      return result.created;
    });
    return { key, created };
  });
  return { opened, reminded, escalated };
}
