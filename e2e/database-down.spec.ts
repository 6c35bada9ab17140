import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";

// Issue 11: with PostgreSQL unreachable, the login page and the sign-in say so ("Baton cannot reach its
// database") and the server logs one line about it, instead of a 500. A second server of the same build runs
// here against a port where nothing listens.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 100;
let server: ChildProcess;
let output = "";

test.beforeAll(async () => {
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/baton_unreachable", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      await fetch(`http://localhost:${PORT}/login`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`the second server did not start:\n${output}`);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("the login page and the sign-in explain that the database cannot be reached", async ({ page }) => {
  const answer = await page.goto(`http://localhost:${PORT}/login`);
  expect(answer?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Baton cannot reach its database" })).toBeVisible();

  await page.getByLabel("Email", { exact: true }).fill("admin@baton.test");
  await page.getByLabel("Password", { exact: true }).fill("baton-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Baton cannot reach its database. Check that PostgreSQL is running" }).first()).toBeVisible();
  await expect(page.getByText("problem with the server configuration")).toHaveCount(0);
  await expect.poll(() => output).toContain("Baton cannot reach its database");
  expect(output).not.toMatch(/route handler failed|Error: Invalid `prisma/);
});
