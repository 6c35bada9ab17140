import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every route handler that changes data with the session cookie checks the request's origin first. The REST API
// (bearer tokens), the CRM webhook (signatures) and next-auth's own routes (its CSRF token) authenticate otherwise.
const OTHER_AUTH = [/^app\/api\/v1\//, /^app\/api\/webhooks\//, /^app\/api\/auth\//];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("cookie-authenticated mutation routes", () => {
  const mutating = routeFiles("app")
    .filter((file) => !OTHER_AUTH.some((pattern) => pattern.test(file)))
    .filter((file) => /export (async function|const) (POST|PUT|PATCH|DELETE)\b/.test(readFileSync(file, "utf8")));

  it("are the upload routes (imports and handoff documents)", () => {
    expect(mutating.sort()).toEqual(["app/api/admin/imports/route.ts", "app/api/handoffs/[id]/documents/route.ts"]);
  });

  it("each checks the origin before anything else", () => {
    expect(mutating.length).toBeGreaterThan(0);
    for (const file of mutating) expect(readFileSync(file, "utf8"), file).toMatch(/assertSameOrigin\(request\);\s*\n\s*const user = await requireUser\(\)/);
  });
});
