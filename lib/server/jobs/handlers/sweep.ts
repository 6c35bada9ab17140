import "server-only";
import { logger } from "@/lib/logger";
import { getBoss } from "@/lib/server/jobs/boss";

// Sweeps handle one item per transaction: if the worker dies half way, what was done stays done (and is
// skipped next time by its key), and the rest is done by the next run.

export interface SweepOptions {
  /** Called after each item's transaction commits (progress; tests use it to stop a run half way). */
  afterEach?: (key: string, created: boolean) => void | Promise<void>;
}

export interface SweepResult {
  /** Keys of the alerts written by this run. */
  created: string[];
  /** Keys that already existed (an earlier or concurrent run wrote them). */
  skipped: string[];
}

export async function runSweep<T>(
  name: string,
  items: readonly T[],
  step: (item: T) => Promise<{ key: string; created: boolean } | null>,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const result: SweepResult = { created: [], skipped: [] };
  // Started before any item's transaction: alerts enqueue their e-mail inside it, and a first start of
  // pg-boss (checking its schema) should not eat into a transaction's time limit.
  if (items.length > 0) await getBoss();
  for (const item of items) {
    const outcome = await step(item);
    if (!outcome) continue;
    (outcome.created ? result.created : result.skipped).push(outcome.key);
    await options.afterEach?.(outcome.key, outcome.created);
  }
  if (result.created.length > 0) logger.info({ job: name, created: result.created.length, skipped: result.skipped.length }, "sweep done");
  return result;
}
