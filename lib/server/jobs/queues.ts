import type { SlackEvent } from "@/lib/slack/messages";

// The job types Baton runs, their payloads and their queue settings. Kept apart from the handlers (see
// registry.ts) so code that only enqueues — pages, actions, closeDealWon — does not load every handler.

export interface JobPayloads {
  /** Escalate one handoff at its 72-business-hour due time (sent with startAfter = dueAt). */
  "escalate-handoff": { handoffId: string };
  /** Sweep: every open handoff past its due time (the safety net for a lost or early delayed job). */
  "escalate-due-handoffs": Record<string, never>;
  /** Sweep: closed-won deals without a renewal opportunity 24 hours later (000 guardrail). */
  "missing-renewals": Record<string, never>;
  /** Sweep: the 90/60/30-day renewal alerts. */
  "renewal-alerts": Record<string, never>;
  /** Sweep: open the Renewal handoff 90 days before the renewal date. */
  "renewal-handoffs": Record<string, never>;
  /** Daily: one digest e-mail per CSM. */
  "daily-digest": Record<string, never>;
  /** Send one stored e-mail (the outbox row written in the transaction that decided to send it). */
  "deliver-email": { emailId: string };
  /** Sweep: stored e-mails whose delivery job was lost or gave up. */
  "deliver-pending-emails": Record<string, never>;
  /** Daily: the ARR as of today of accounts whose future-dated movements came due. */
  "ledger-roll-forward": Record<string, never>;
  /** Read one person's free/busy calendar feed into their busy times (sent when they link or change it). */
  "refresh-free-busy": { userId: string };
  /** Sweep: every linked free/busy feed, so meeting slots see calendars as they are now. */
  "refresh-free-busy-feeds": Record<string, never>;
  /** Sweep: imports whose process died are closed as FAILED (re-import to finish), their upload files removed. */
  "recover-imports": Record<string, never>;
  /** Sweep: open the forecast checkpoints that came due, remind and escalate the ones still open. */
  "forecast-checkpoints": Record<string, never>;
  /** Weekly: snapshot every open renewal's forecast (once per renewal per week). */
  "forecast-snapshots": Record<string, never>;
  /** Post one notification to the Slack incoming webhook of the settings (lib/server/slack). */
  "slack-notify": { event: SlackEvent };
}

export type JobName = keyof JobPayloads;

export interface QueueSettings {
  /** Attempts after the first failure; every handler is idempotent, so a retry never doubles an effect. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job running longer is considered dead and retried. */
  expireInSeconds: number;
  /**
   * "stately": at most one waiting and one running job — right for sweeps, where a pile-up of identical runs
   * would only repeat work. "standard": one job per thing (an e-mail, a handoff).
   */
  policy: "standard" | "stately";
  /**
   * Jobs a worker takes per fetch (run one after the other). A failure fails — and retries — the whole batch,
   * which idempotent handlers make harmless.
   */
  batchSize: number;
}

const sweep: QueueSettings = { retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 15 * 60, policy: "stately", batchSize: 1 };
const single: QueueSettings = { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 5 * 60, policy: "standard", batchSize: 1 };

export const JOB_QUEUES: Record<JobName, QueueSettings> = {
  "escalate-handoff": single,
  "escalate-due-handoffs": sweep,
  "missing-renewals": sweep,
  "renewal-alerts": sweep,
  "renewal-handoffs": sweep,
  "daily-digest": sweep,
  // A burst of alerts is a burst of e-mails: take ten at a time rather than one per poll.
  "deliver-email": { ...single, retryLimit: 8, batchSize: 10 },
  "deliver-pending-emails": sweep,
  "ledger-roll-forward": sweep,
  "recover-imports": sweep,
  "forecast-checkpoints": sweep,
  "forecast-snapshots": sweep,
  "slack-notify": { ...single, retryLimit: 6, retryDelaySeconds: 30 },
  "refresh-free-busy": { ...single, retryLimit: 2 },
  "refresh-free-busy-feeds": sweep,
};

export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];
