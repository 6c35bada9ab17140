import "server-only";
import PgBoss from "pg-boss";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { JOB_NAMES, JOB_QUEUES } from "@/lib/server/jobs/queues";

// pg-boss on Baton's own PostgreSQL database (schema "pgboss", created by pg-boss itself on first start).
// The worker process (scripts/worker.ts) runs a full instance — polling, cron, maintenance. Every other
// process (web server, tests, scripts) gets a small send-only instance from getBoss() the first time it
// enqueues.

export const BOSS_SCHEMA = "pgboss";

export function createBoss(options: { max?: number; worker?: boolean } = {}): PgBoss {
  const worker = options.worker ?? false;
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: BOSS_SCHEMA,
    application_name: worker ? "baton-worker" : "baton-jobs",
    max: options.max ?? (worker ? 4 : 2),
    // Only the worker supervises (archiving, expiring dead jobs) and turns cron schedules into jobs.
    supervise: worker,
    schedule: worker,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  return boss;
}

/** Creates every registered queue (idempotent: an existing queue is left as it is). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const name of JOB_NAMES) {
    const settings = JOB_QUEUES[name];
    await boss.createQueue(name, {
      name,
      policy: settings.policy,
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
      expireInSeconds: settings.expireInSeconds,
    });
  }
}

const processBoss = globalThis as unknown as { batonBoss?: Promise<PgBoss> };

/** The process's started instance with every queue created; started once, on first use. */
export function getBoss(): Promise<PgBoss> {
  processBoss.batonBoss ??= (async () => {
    const boss = createBoss();
    await boss.start();
    await ensureQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    processBoss.batonBoss = undefined;
    throw error;
  });
  return processBoss.batonBoss;
}

/** The worker hands its own instance over, so its handlers enqueue through it instead of a second pool. */
export function useBoss(boss: PgBoss): void {
  processBoss.batonBoss = Promise.resolve(boss);
}

export async function stopBoss(): Promise<void> {
  const pending = processBoss.batonBoss;
  processBoss.batonBoss = undefined;
  if (pending) await (await pending).stop({ graceful: false, wait: true });
}

/**
 * pg-boss's database interface over an open Prisma transaction: a job sent with it is inserted on the
 * transaction's connection, so it exists if and only if the transaction commits (an outbox without a second
 * table). Objects are sent as JSON text; pg-boss casts them to jsonb.
 */
export function transactionDb(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const params = values.map((value) => (value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value));
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...params);
      return { rows };
    },
  };
}
