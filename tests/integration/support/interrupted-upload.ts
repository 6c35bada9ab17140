// Run by import-robustness.test.ts in a child process, which the test kills with SIGKILL half way through:
// an admin's upload (receiveUpload) and its import, exactly as the admin page runs them.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

async function main() {
  const [kind, file, adminId] = process.argv.slice(2);
  const { prisma } = await import("@/lib/db");
  const { receiveUpload } = await import("@/lib/server/imports/start-upload");
  const admin = await prisma.user.findUniqueOrThrow({ where: { id: adminId }, select: { id: true, email: true, name: true, role: true, managerId: true } });
  const body = Readable.toWeb(createReadStream(file!)) as ReadableStream<Uint8Array>;
  const { runId, run } = await receiveUpload(admin, { kind: kind as "accounts", fileName: "accounts-big.csv", body });
  process.stdout.write(`${JSON.stringify({ runId })}\n`);
  await run();
}

void main();
