import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { runImport } from "@/lib/server/imports/run-import";
import { fileSource, textSource } from "@/lib/server/imports/csv-reader";
import { importTempFile, receiveUpload } from "@/lib/server/imports/start-upload";
import { recoverInterruptedImports } from "@/lib/server/imports/recover-imports";
import { createUser } from "./support/fixtures";

const HEADER = "external_id,name,segment,industry,region,timezone,primary_language,strategic,needs_onsite,health_score,usage_pct,expansion_potential,csm_email";
const row = (id: string, name: string) => `${id},${name},Mid-Market,Software,NA,America/New_York,English,false,false,80,50,0,`;

describe("CSV quoting mistakes are reported per row", () => {
  it("a stray quote inside a cell is kept as written; the file imports", async () => {
    const admin = await createUser("ADMIN");
    const text = [HEADER, row("Q-1", 'Acme "Big" Co'), row("Q-2", "Beta"), row("Q-3", "Gamma")].join("\n");
    const result = await runImport(admin, { kind: "accounts", source: textSource(text), fileName: "accounts.csv" });
    expect(result).toMatchObject({ status: "DONE", totalRows: 3, okRows: 3, errorRows: 0 });
    expect((await prisma.account.findUniqueOrThrow({ where: { externalId: "Q-1" } })).name).toBe('Acme "Big" Co');
  });

  it("a quoted cell with text after its closing quote is kept as written too, not the end of the file", async () => {
    const admin = await createUser("ADMIN");
    const text = [HEADER, row("Q-1", "Alpha"), row("Q-2", '"Acme" Co'), row("Q-3", "Gamma"), row("Q-4", "Delta")].join("\n");
    const result = await runImport(admin, { kind: "accounts", source: textSource(text), fileName: "accounts.csv" });
    expect(result).toMatchObject({ status: "DONE", totalRows: 4, okRows: 4, errorRows: 0, issues: [] });
    expect((await prisma.account.findUniqueOrThrow({ where: { externalId: "Q-2" } })).name).toBe('"Acme" Co');
  });

  it("an unclosed quote names the row where the unreadable part starts, keeping the rows before it", async () => {
    const admin = await createUser("ADMIN");
    const text = [HEADER, row("Q-1", "Alpha"), row("Q-2", '"Acme'), row("Q-3", "Gamma")].join("\n");
    const result = await runImport(admin, { kind: "accounts", source: textSource(text), fileName: "accounts.csv" });
    expect(result.issues).toEqual([{ line: 3, field: "row", reason: expect.stringMatching(/a quote opened on this row is never closed/) }]);
    expect(await prisma.account.count()).toBe(1);
  });
});

describe("upload limit", () => {
  it("refuses a file over the limit whole: the run fails with the reason and nothing is imported or kept", async () => {
    const admin = await createUser("ADMIN");
    const text = [HEADER, ...Array.from({ length: 200 }, (_, i) => row(`L-${i}`, `Limit ${i}`))].join("\n");
    const body = Readable.toWeb(Readable.from([Buffer.from(text)])) as ReadableStream<Uint8Array>;
    await expect(receiveUpload(admin, { kind: "accounts", fileName: "accounts.csv", body, maxBytes: 4096 })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "The file is larger than 0 MB.",
    });
    const run = await prisma.importRun.findFirstOrThrow();
    expect(run).toMatchObject({ status: "FAILED", okRows: 0, errors: [{ line: 0, field: "file", reason: "The file is larger than 0 MB." }] });
    expect(existsSync(importTempFile(run.id))).toBe(false);
    expect(await prisma.account.count()).toBe(0);
  });
});

describe("an import whose process is killed", () => {
  it("is found by recover-imports, failed with a resumable reason, its file removed; importing again finishes without duplicates", async () => {
    const admin = await createUser("ADMIN");
    const rows = 20_000;
    const dir = mkdtempSync(path.join(tmpdir(), "baton-big-"));
    const file = path.join(dir, "accounts.csv");
    writeFileSync(file, [HEADER, ...Array.from({ length: rows }, (_, i) => row(`K-${String(i).padStart(5, "0")}`, `Killed ${i}`))].join("\n"));

    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/integration/support/interrupted-upload.ts", "accounts", file, admin.id], {
      env: { ...process.env, DATABASE_URL: env().DATABASE_URL, UPLOAD_DIR: env().UPLOAD_DIR, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const runId = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const match = /"runId":"([^"]+)"/.exec(chunk.toString());
        if (match?.[1]) resolve(match[1]);
      });
      child.on("exit", (code) => reject(new Error(`the import finished before it was killed (exit ${code})`)));
    });
    // Let it import a few batches, then kill it the hard way.
    for (let i = 0; i < 600; i++) {
      const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.doneRows >= 1000) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    const stuck = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(stuck.status).toBe("RUNNING");
    expect(stuck.doneRows).toBeGreaterThanOrEqual(1000);
    expect(stuck.doneRows).toBeLessThan(rows);
    expect(existsSync(importTempFile(runId))).toBe(true);

    // A live run is left alone; the dead one is closed.
    const recovered = await recoverInterruptedImports();
    expect(recovered.failed).toEqual([runId]);
    const closed = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(closed.status).toBe("FAILED");
    expect(closed.errors).toEqual([{ line: 0, field: "file", reason: expect.stringMatching(new RegExp(`interrupted after ${stuck.doneRows} of ${rows} rows.*import the same file again`)) }]);
    expect(existsSync(importTempFile(runId))).toBe(false);
    expect(await prisma.auditEvent.count({ where: { action: "import.interrupted", entityId: runId } })).toBe(1);
    expect((await recoverInterruptedImports()).failed).toEqual([]);

    const again = await runImport(admin, { kind: "accounts", source: fileSource(file), fileName: "accounts.csv" });
    expect(again).toMatchObject({ status: "DONE", okRows: rows, errorRows: 0 });
    expect(await prisma.account.count()).toBe(rows);
  });
});
