import "server-only";
import { escalateDueHandoffs, escalateHandoff } from "@/lib/server/jobs/handlers/escalate-handoffs";
import { alertMissingRenewals } from "@/lib/server/jobs/handlers/missing-renewals";
import { sendRenewalAlerts } from "@/lib/server/jobs/handlers/renewal-alerts";
import { openRenewalHandoffs } from "@/lib/server/jobs/handlers/renewal-handoffs";
import { sendDailyDigests } from "@/lib/server/jobs/handlers/daily-digest";
import { deliverEmail, deliverPendingEmails } from "@/lib/server/jobs/handlers/deliver-email";
import { deliverSlackNotification } from "@/lib/server/slack/deliver-slack";
import { rollLedgerForward } from "@/lib/server/jobs/handlers/ledger-roll-forward";
import { refreshAllFreeBusy, refreshFreeBusy } from "@/lib/server/calendar/free-busy-feed";
import { recoverInterruptedImports } from "@/lib/server/imports/recover-imports";
import { runForecastCheckpoints } from "@/lib/server/jobs/handlers/forecast-checkpoints";
import { snapshotForecasts } from "@/lib/server/jobs/handlers/forecast-snapshots";
import type { JobName, JobPayloads } from "@/lib/server/jobs/queues";

// Every job the worker runs: its handler and, for periodic ones, when it runs.
//
// Adding a job type (e.g. a Slack notification):
//   1. In queues.ts, add its payload to `JobPayloads` (`"slack-notify": { channel: string; text: string }`) and its
//      queue settings to `JOB_QUEUES` (retries, timeout, policy). The queue is created on the next start.
//   2. Write the handler as a plain function in handlers/<job-name>.ts, taking the payload and `now` and
//      returning when done. It must be idempotent: pg-boss delivers at least once (a retry, a restarted worker,
//      a job expired while still running all run it again). Write its effect with a deterministic key under a
//      unique constraint in one transaction (see lib/server/notifications/record-alert.ts), or check-then-write
//      under a row lock. Throw to have it retried.
//   3. Register it in `JOB_HANDLERS` below; add a cron to `JOB_SCHEDULES` if it is periodic.
//   4. Enqueue it with `enqueueJob(name, payload, { tx })` from lib/server/jobs/enqueue.ts — inside the
//      transaction that decides it, so it exists only if that transaction commits.
// Test the handler by calling it directly, and once through the queue (tests/integration/renewal-jobs.test.ts).

export interface JobContext {
  /** When the job runs; handlers take it as a parameter so tests can run them at any moment. */
  now: Date;
}

type Handler<N extends JobName> = (data: JobPayloads[N], context: JobContext) => Promise<unknown>;

export const JOB_HANDLERS: { [N in JobName]: Handler<N> } = {
  "escalate-handoff": (data, { now }) => escalateHandoff(data.handoffId, now),
  "escalate-due-handoffs": (_data, { now }) => escalateDueHandoffs(now),
  "missing-renewals": (_data, { now }) => alertMissingRenewals(now),
  "renewal-alerts": (_data, { now }) => sendRenewalAlerts(now),
  "renewal-handoffs": (_data, { now }) => openRenewalHandoffs(now),
  "daily-digest": (_data, { now }) => sendDailyDigests(now),
  "deliver-email": (data, { now }) => deliverEmail(data.emailId, now),
  "deliver-pending-emails": (_data, { now }) => deliverPendingEmails(now),
  "ledger-roll-forward": (_data, { now }) => rollLedgerForward(now),
  "slack-notify": (data) => deliverSlackNotification(data.event),
  "refresh-free-busy": (data, { now }) => refreshFreeBusy(data.userId, now),
  "refresh-free-busy-feeds": (_data, { now }) => refreshAllFreeBusy(now),
  "recover-imports": (_data, { now }) => recoverInterruptedImports(now),
  "forecast-checkpoints": (_data, { now }) => runForecastCheckpoints(now),
  "forecast-snapshots": (_data, { now }) => snapshotForecasts(now),
};

export interface JobSchedule {
  name: JobName;
  /** Five-field cron. */
  cron: string;
  /** "company": the company time zone from the settings (for "7:00 in the morning"); otherwise UTC. */
  timezone: "company" | "UTC";
  /** Also run once when the worker starts, to catch up after downtime. */
  onStart: boolean;
}

export const JOB_SCHEDULES: readonly JobSchedule[] = [
  { name: "escalate-due-handoffs", cron: "*/5 * * * *", timezone: "UTC", onStart: true },
  { name: "missing-renewals", cron: "*/15 * * * *", timezone: "UTC", onStart: true },
  { name: "renewal-handoffs", cron: "10 * * * *", timezone: "UTC", onStart: true },
  { name: "renewal-alerts", cron: "15 * * * *", timezone: "UTC", onStart: true },
  { name: "deliver-pending-emails", cron: "*/5 * * * *", timezone: "UTC", onStart: true },
  // Just after midnight company time, when the day's future-dated movements come due.
  { name: "ledger-roll-forward", cron: "5 0 * * *", timezone: "company", onStart: true },
  { name: "refresh-free-busy-feeds", cron: "*/30 * * * *", timezone: "UTC", onStart: true },
  { name: "recover-imports", cron: "* * * * *", timezone: "UTC", onStart: true },
  { name: "forecast-checkpoints", cron: "20 * * * *", timezone: "UTC", onStart: true },
  // Mondays just after midnight company time; on start too, as a missed week's snapshot is gone for good.
  { name: "forecast-snapshots", cron: "30 0 * * 1", timezone: "company", onStart: true },
  // 07:00 company time; the handler skips weekends and holidays.
  { name: "daily-digest", cron: "0 7 * * *", timezone: "company", onStart: false },
];
