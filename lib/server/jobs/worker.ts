import "server-only";
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { createBoss, ensureQueues, useBoss } from "@/lib/server/jobs/boss";
import { JOB_NAMES, JOB_QUEUES, type JobName, type JobPayloads } from "@/lib/server/jobs/queues";
import { JOB_HANDLERS, JOB_SCHEDULES } from "@/lib/server/jobs/registry";
import { getSettings } from "@/lib/server/settings/get-settings";

export interface WorkerOptions {
  /** Seconds between polls of an idle queue (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Register the cron schedules (tests run handlers through the queue without them). */
  schedules?: boolean;
  /** Send each schedule's onStart run. */
  catchUp?: boolean;
}

async function runJobs<N extends JobName>(name: N, jobs: PgBoss.Job<JobPayloads[N]>[]): Promise<void> {
  for (const job of jobs) {
    const started = Date.now();
    await JOB_HANDLERS[name](job.data, { now: new Date() });
    logger.debug({ job: name, id: job.id, ms: Date.now() - started }, "job done");
  }
}

/**
 * Starts the worker: pg-boss with supervision and cron, one consumer per queue, the periodic jobs. Returns the
 * started instance; `boss.stop()` stops it (running jobs finish first, up to the timeout).
 */
export async function startWorker(options: WorkerOptions = {}): Promise<PgBoss> {
  const boss = createBoss({ worker: true });
  await boss.start();
  await ensureQueues(boss);
  useBoss(boss);
  for (const name of JOB_NAMES) {
    const batchSize = JOB_QUEUES[name].batchSize;
    await boss.work<JobPayloads[typeof name]>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize }, (jobs) => runJobs(name, jobs));
  }
  if (options.schedules ?? true) {
    const { calendar } = await getSettings();
    for (const schedule of JOB_SCHEDULES) {
      await boss.schedule(schedule.name, schedule.cron, {}, { tz: schedule.timezone === "company" ? calendar.timezone : "UTC" });
    }
  }
  if (options.catchUp ?? true) {
    for (const schedule of JOB_SCHEDULES.filter((entry) => entry.onStart)) await boss.send(schedule.name, {});
  }
  logger.info({ queues: JOB_NAMES.length }, "worker started");
  return boss;
}
