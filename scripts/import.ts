// `npm run import -- <kind> <file>`: the admin page's importer for RevOps bulk loads, on DATABASE_URL.
// Kinds: products, csms, accounts, contacts, deals, arr_movements (formats in SPEC.md / README.md). Prints the
// per-row report (line, field, reason) and the speed; exits 1 when any row was refused or the file failed.
import { existsSync } from "node:fs";
import path from "node:path";
import { IMPORT_KINDS, isImportKind } from "@/lib/imports/formats";

async function main() {
  const [kind, file] = process.argv.slice(2);
  if (!kind || !file || !isImportKind(kind)) {
    console.error(`Usage: npm run import -- <${IMPORT_KINDS.join("|")}> <file.csv>`);
    process.exit(2);
  }
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    process.exit(2);
  }
  const { prisma } = await import("@/lib/db");
  const { runImport } = await import("@/lib/server/imports/run-import");
  const { fileSource } = await import("@/lib/server/imports/csv-reader");
  const { systemActor } = await import("@/lib/server/actor");

  const summary = await runImport(systemActor("import"), { kind, source: fileSource(file), fileName: path.basename(file) });
  for (const issue of summary.issues) console.log(`line ${issue.line}, ${issue.field}: ${issue.reason}`);
  if (summary.errorRows > summary.issues.length) console.log(`… the report keeps the first ${summary.issues.length} issues`);
  const perSecond = Math.round(summary.totalRows / Math.max(summary.seconds, 0.001));
  console.log(
    `${summary.status === "DONE" ? "Done" : "Failed"}: ${summary.okRows} of ${summary.totalRows} ${kind} rows imported, ` +
      `${summary.errorRows} refused, in ${summary.seconds.toFixed(1)} s (${perSecond} rows/s). Run ${summary.runId}.`,
  );
  await prisma.$disconnect();
  process.exit(summary.status === "DONE" && summary.errorRows === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
