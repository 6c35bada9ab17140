import "server-only";
import type { Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import { getBoss, transactionDb } from "@/lib/server/jobs/boss";
import type { JobName, JobPayloads } from "@/lib/server/jobs/queues";

export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  /** Not before this instant (e.g. a handoff's due time). */
  startAfter?: Date;
  /** Names the job; pg-boss only deduplicates by it on "stately" queues, so handlers stay idempotent regardless. */
  singletonKey?: string;
}

/** Puts a job on its queue; returns the job id, or null when pg-boss dropped it as a duplicate. */
export async function enqueueJob<N extends JobName>(name: N, data: JobPayloads[N], options: EnqueueOptions = {}): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(name, data, {
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.tx ? { db: transactionDb(options.tx) } : {}),
  });
}

/**
 * For timeliness only, after a commit: a job whose effect a periodic sweep also produces. A failure is logged
 * and swallowed — the caller's change is already committed and the sweep catches up.
 */
export async function enqueueBestEffort<N extends JobName>(name: N, data: JobPayloads[N], options: Omit<EnqueueOptions, "tx"> = {}): Promise<void> {
  try {
    await enqueueJob(name, data, options);
  } catch (error) {
    logger.warn({ err: error, job: name }, "could not enqueue a job; its sweep will catch up");
  }
}
