import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ImportKind } from "@/lib/imports/formats";
import { logger } from "@/lib/logger";
import { bodyTooLarge } from "@/lib/server/body-limit";
import type { ActingUser } from "@/lib/server/authz";
import { fileSource } from "@/lib/server/imports/csv-reader";
import { openImportRun, runImport } from "@/lib/server/imports/run-import";

// The admin page's upload: the file is streamed to disk (never held whole in memory), the run is opened so
// the page can poll its progress, and the import itself runs after the response (see the route handler).

/** IMPORT_MAX_MB: a larger file is refused whole (its run ends FAILED with the reason), never imported in part. */
export const maxUploadBytes = () => env().IMPORT_MAX_MB * 1024 * 1024;

function sizeLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(bodyTooLarge(max, "The file", "file"));
      else done(null, chunk);
    },
  });
}

/** Where an uploaded file waits while it imports; removed when the import ends, or by recover-imports after a crash. */
export function importTempFile(runId: string): string {
  return path.join(env().UPLOAD_DIR, "imports", `${runId}.csv`);
}

/** A file name safe to show and log: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string | null, kind: ImportKind): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[^\p{L}\p{N} ._()-]/gu, "").trim().slice(0, 200);
  return clean || `${kind}.csv`;
}

export async function receiveUpload(
  actor: ActingUser,
  input: { kind: ImportKind; fileName: string; body: ReadableStream<Uint8Array> | null; maxBytes?: number },
) {
  if (!input.body) throw new AppError("VALIDATION", "Choose a CSV file to import.");
  const opened = await openImportRun(actor, { kind: input.kind, fileName: input.fileName });
  const { runId } = opened;
  const file = importTempFile(runId);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await pipeline(Readable.fromWeb(input.body as import("node:stream/web").ReadableStream<Uint8Array>), sizeLimit(input.maxBytes ?? maxUploadBytes()), createWriteStream(file));
  } catch (error) {
    await rm(file, { force: true });
    const reason = error instanceof AppError ? error.message : "the upload was interrupted";
    await prisma.importRun.update({
      where: { id: runId },
      data: { status: "FAILED", finishedAt: new Date(), errors: [{ line: 0, field: "file", reason }] },
    });
    await opened.lock.release();
    throw error instanceof AppError ? error : new AppError("VALIDATION", "The upload was interrupted; try again.");
  }
  /** Runs the import from the saved file, then deletes it. Never throws: failures end up on the run. */
  const run = async () => {
    try {
      await runImport(actor, { kind: input.kind, source: fileSource(file), fileName: input.fileName, run: opened });
    } catch (error) {
      logger.error({ err: error, runId }, "import run failed");
    } finally {
      await rm(file, { force: true });
    }
  };
  return { runId, run };
}
