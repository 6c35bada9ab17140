// The job worker: `npm run worker` (started by `npm run demo` beside the web server). Runs every job of
// lib/server/jobs on the app's PostgreSQL database through pg-boss. Ctrl+C or SIGTERM stops it after the
// running jobs finish. Runs under `--conditions=react-server` so the domain code's `server-only` imports resolve.
import { logger } from "@/lib/logger";
import { startWorker } from "@/lib/server/jobs/worker";

async function main(): Promise<void> {
  const boss = await startWorker();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    await boss.stop({ graceful: true, timeout: 20_000, wait: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
