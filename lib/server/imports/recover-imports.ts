import "server-only";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/lib/server/audit";
import { tryRunLock } from "@/lib/server/imports/run-lock";

// The worker's recover-imports job. An import whose process died (killed, crashed, restarted) would stay
// "Running" forever: its lock is free, so it is closed here as FAILED with what was saved and how to finish —
// importing the same file again updates the rows already imported by their keys, so nothing is doubled — and its
// uploaded file is deleted. Upload files whose run is over (or gone) are deleted too.

export function interruptedReason(doneRows: number, totalRows: number): string {
  return `the import was interrupted after ${doneRows} of ${totalRows} rows (the server stopped). The rows before that are saved; import the same file again to finish: rows already imported are updated, not duplicated.`;
}

export async function recoverInterruptedImports(now = new Date()): Promise<{ failed: string[]; filesRemoved: number }> {
  const running = await prisma.importRun.findMany({ where: { status: "RUNNING" }, select: { id: true } });
  const failed: string[] = [];
  for (const { id } of running) {
    const lock = await tryRunLock(id);
    if (!lock) continue; // its importer is alive
    try {
      const run = await prisma.importRun.findUnique({ where: { id }, select: { status: true, doneRows: true, totalRows: true, errors: true, createdById: true, kind: true, fileName: true } });
      if (run?.status !== "RUNNING") continue;
      const issues = [...(Array.isArray(run.errors) ? run.errors : []), { line: 0, field: "file", reason: interruptedReason(run.doneRows, run.totalRows) }];
      await prisma.$transaction(async (tx) => {
        await tx.importRun.update({ where: { id }, data: { status: "FAILED", finishedAt: now, errors: issues as Prisma.InputJsonArray }, select: { id: true } });
        await recordAudit(tx, {
          actorId: null,
          action: "import.interrupted",
          entityType: "ImportRun",
          entityId: id,
          data: { kind: run.kind, fileName: run.fileName, doneRows: run.doneRows, totalRows: run.totalRows },
        });
      });
      await rm(path.join(env().UPLOAD_DIR, "imports", `${id}.csv`), { force: true });
      failed.push(id);
    } finally {
      await lock.release();
    }
  }
  const filesRemoved = await removeOrphanFiles();
  if (failed.length > 0 || filesRemoved > 0) logger.warn({ failed, filesRemoved }, "closed interrupted imports");
  return { failed, filesRemoved };
}

async function removeOrphanFiles(): Promise<number> {
  const dir = path.join(env().UPLOAD_DIR, "imports");
  const names = await readdir(dir).catch(() => [] as string[]);
  const ids = names.filter((name) => name.endsWith(".csv")).map((name) => name.slice(0, -4));
  if (ids.length === 0) return 0;
  const open = new Set((await prisma.importRun.findMany({ where: { id: { in: ids }, status: "RUNNING" }, select: { id: true } })).map((run) => run.id));
  const orphans = ids.filter((id) => !open.has(id));
  for (const id of orphans) await rm(path.join(dir, `${id}.csv`), { force: true });
  return orphans.length;
}
