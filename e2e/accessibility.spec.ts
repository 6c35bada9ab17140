import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { one } from "./support/db";
import { createTestUser } from "./support/session";

// Every page of every role, on a laptop (1366×900) and a phone (390×844): no serious or critical axe violation,
// exactly one <main>, and no sideways scrolling of the page itself (wide tables scroll inside their own box).

const VIEWPORTS = [
  { name: "laptop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function idOf(sql: string, params: unknown[] = []): Promise<string> {
  return (await one<{ id: string }>(sql, params)).id;
}

/** The pages each role has, with ids of records that role may open (read from the seeded data, never changed). */
async function pagesFor(email: string): Promise<string[]> {
  const user = await one<{ id: string; role: string }>(`SELECT id, role::text FROM "User" WHERE email = $1`, [email]);
  const common = ["/", "/handoffs", "/accounts", "/notifications", "/search?q=an", "/no-such-page", "/accounts/no-such-account"];
  switch (user.role) {
    case "CSM": {
      const account = await idOf(`SELECT id FROM "Account" WHERE "csmId" = $1 ORDER BY name LIMIT 1`, [user.id]);
      const handoff = await idOf(`SELECT h.id FROM "Handoff" h JOIN "Account" a ON a.id = h."accountId" WHERE a."csmId" = $1 ORDER BY h."dueAt" DESC LIMIT 1`, [user.id]);
      const renewal = await idOf(`SELECT r.id FROM "RenewalOpportunity" r JOIN "Account" a ON a.id = r."accountId" WHERE a."csmId" = $1 AND r.stage = 'RENEWAL_PENDING' ORDER BY r."renewalDate", r.id LIMIT 1`, [user.id]);
      return [...common, "/book", "/renewals", "/dashboard", "/forecast", `/renewals/${renewal}`, `/accounts/${account}`, `/handoffs/${handoff}`, `/handoffs/${handoff}/document`, "/admin/users"];
    }
    case "AE": {
      const deal = await idOf(`SELECT id FROM "Deal" WHERE "ownerId" = $1 ORDER BY "closeDate" DESC LIMIT 1`, [user.id]);
      const handoff = await idOf(`SELECT h.id FROM "Handoff" h JOIN "Deal" d ON d.id = h."dealId" WHERE d."ownerId" = $1 AND h.status = 'IN_PROGRESS' ORDER BY h."dueAt" LIMIT 1`, [user.id]);
      const account = await idOf(`SELECT "accountId" AS id FROM "Deal" WHERE id = $1`, [deal]);
      return [...common, "/deals", `/deals/${deal}`, `/accounts/${account}`, `/handoffs/${handoff}`, `/handoffs/${handoff}/document`, "/renewals", "/expansion-credit", "/assignments"];
    }
    case "CS_MANAGER": {
      const assignment = await idOf(`SELECT id FROM "CsmAssignment" ORDER BY "createdAt" LIMIT 1`);
      const checkpoint = await idOf(`SELECT "renewalOpportunityId" AS id FROM "ForecastCheckpoint" WHERE status = 'AWAITING_MANAGER' ORDER BY "dueDate", id LIMIT 1`);
      return [...common, "/deals", "/assignments", `/assignments/${assignment}`, "/csms", "/renewals", "/dashboard", "/dashboard/details/handoffs", "/forecast", `/renewals/${checkpoint}`];
    }
    case "LEADERSHIP":
      return [...common, "/deals", "/csms", "/renewals", "/dashboard", "/dashboard/details/retention-accounts", "/dashboard/details/renewals-due", "/forecast", "/forecast?bucket=AT_RISK"];
    case "ADMIN": {
      const account = await idOf(`SELECT id FROM "Account" ORDER BY name LIMIT 1`);
      const deal = await idOf(`SELECT id FROM "Deal" ORDER BY name LIMIT 1`);
      const handoff = await idOf(`SELECT id FROM "Handoff" ORDER BY "dueAt" DESC LIMIT 1`);
      const csm = await idOf(`SELECT "userId" AS id FROM "CsmProfile" ORDER BY id LIMIT 1`);
      // An import run of this test's own, so the report page has something to show.
      const run = await idOf(
        `INSERT INTO "ImportRun" (id, kind, "fileName", status, "totalRows", "doneRows", "okRows", "errorRows", errors, "finishedAt")
         VALUES ($1, 'accounts', 'axe-check.csv', 'DONE', 2, 2, 1, 1, '[{"line":3,"field":"segment","reason":"must be one of Enterprise, Mid-Market, Scale"}]', now())
         RETURNING id`,
        [`axe-${Date.now()}`],
      );
      return [
        ...common,
        "/admin",
        "/admin/users",
        "/admin/settings",
        "/admin/csm-profiles",
        `/admin/csm-profiles/${csm}`,
        "/admin/products",
        "/admin/imports",
        `/admin/imports/${run}`,
        "/admin/api-tokens",
        "/admin/audit",
        "/deals",
        `/deals/${deal}`,
        `/accounts/${account}`,
        `/handoffs/${handoff}`,
        `/handoffs/${handoff}/document`,
        "/assignments",
        "/csms",
        "/renewals",
        "/dashboard",
        "/dashboard/details/csm-load",
        "/forecast",
      ];
    }
    default:
      throw new Error(`No pages listed for ${user.role}`);
  }
}

interface Finding {
  path: string;
  problems: string[];
}

async function check(page: Page, path: string): Promise<Finding> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  if (path === "/book") {
    // The "Mark done" form renders when its disclosure opens: open one, so axe checks the form too.
    const disclosures = page.getByRole("main").getByText("Mark done", { exact: true });
    expect(await disclosures.count()).toBeGreaterThan(0);
    await disclosures.first().click();
    await expect(page.getByRole("main").getByLabel(/^Notes for /).first()).toBeVisible();
  }
  const problems: string[] = [];
  const results = await new AxeBuilder({ page })
    // Off by default in axe-core (experimental); on here because a visible label that is not in the accessible name
    // breaks speech control (WCAG 2.5.3).
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  for (const violation of results.violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    problems.push(`${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(" | ")}`);
  }
  const mains = await page.locator("main").count();
  if (mains !== 1) problems.push(`${mains} <main> elements`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (sideways > 0) problems.push(`the page scrolls sideways by ${sideways}px`);
  return { path, problems };
}

const ROLES = ["admin@baton.test", "leader@baton.test", "manager@baton.test", "csm@baton.test", "ae@baton.test"];

for (const viewport of VIEWPORTS) {
  test.describe(`accessibility on a ${viewport.name} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const email of ROLES) {
      test(`every page of ${email.split("@")[0]} passes axe`, async ({ page }) => {
        test.setTimeout(240_000);
        const paths = await pagesFor(email);
        expect(paths.length).toBeGreaterThan(8);
        // A CSM with no profile yet, so the CSM profiles page shows its "Create" link beside the "Edit" ones.
        if (email === "admin@baton.test") await createTestUser("CSM", "no-sign-in-for-this-csm-0");
        await signIn(page, email);
        const findings: Finding[] = [];
        for (const path of paths) findings.push(await check(page, path));
        expect(findings).toHaveLength(paths.length);
        expect(findings.filter((finding) => finding.problems.length > 0)).toEqual([]);
      });
    }

    test("the sign-in page passes axe", async ({ page }) => {
      const finding = await check(page, "/login");
      expect(finding.problems).toEqual([]);
    });
  });
}

test("a skip link is the first stop and moves the focus to the main content", async ({ page }) => {
  await signIn(page, "csm@baton.test");
  await page.goto("/accounts");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // The next Tab lands inside the page, not back in the header.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});

test("focus is visible on links and buttons", async ({ page }) => {
  await signIn(page, "manager@baton.test");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).toBe("solid");
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

test("the favicon and app icons are served without a session", async ({ request }) => {
  for (const [path, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/icon.svg", "image/svg+xml"],
    ["/icon-192.png", "image/png"],
    ["/apple-touch-icon.png", "image/png"],
    ["/manifest.webmanifest", "application/manifest+json"],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
});
