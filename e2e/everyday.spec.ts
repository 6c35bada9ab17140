import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { one, query } from "./support/db";
import { headingCount } from "./support/counts";

// Everyday use (issue 13): lists open on what needs action, home figures equal the lists they open, the global
// search is scoped by role, destructive actions ask first and offer undo where it is safe, notifications read
// as formatted text, and the audit log names records.

const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** The "N rows · page 1 of M" count under a list. */
async function listCount(page: Page): Promise<number> {
  const text = (await page.getByRole("navigation", { name: "Pagination" }).getByText(/rows? · page/).textContent()) ?? "";
  return Number(text.match(/^(\d+)/)?.[1] ?? Number.NaN);
}

/** Follows a home figure's link and checks the list it opens counts the same. */
async function expectFigureMatchesList(page: Page, label: string, count: (page: Page) => Promise<number> = listCount): Promise<number> {
  await page.goto("/");
  const figure = page.getByRole("main").getByRole("link").filter({ has: page.getByText(label, { exact: true }) });
  await expect(figure).toHaveCount(1);
  const value = Number(((await figure.locator("p").nth(1).textContent()) ?? "").match(/^(\d+)/)?.[1]);
  expect(Number.isInteger(value)).toBe(true);
  await figure.click();
  await page.waitForLoadState("networkidle");
  expect(await count(page), `${label} → ${page.url()}`).toBe(value);
  return value;
}

async function firstColumn(table: Locator): Promise<string[]> {
  return table.locator("tbody tr td:first-child").allInnerTexts();
}

test.describe("home figures are the counts of the lists they link to", () => {
  test("CS manager: assignments awaiting review, open and overdue handoffs", async ({ page }) => {
    await signIn(page, "manager@baton.test");
    const pending = await expectFigureMatchesList(page, "Assignments awaiting review");
    expect(pending).toBe(Number((await one<{ n: string }>(`SELECT count(*)::text AS n FROM "CsmAssignment" WHERE status = 'PENDING'`)).n));
    const open = await expectFigureMatchesList(page, "Open handoffs");
    expect(open).toBe(Number((await one<{ n: string }>(`SELECT count(*)::text AS n FROM "Handoff" WHERE status IN ('IN_PROGRESS', 'SUBMITTED')`)).n));
    await expectFigureMatchesList(page, "Overdue handoffs");
  });

  test("AE: handoffs due, overdue, closed-won in the last 30 days", async ({ page }) => {
    await signIn(page, "ae@baton.test");
    await expectFigureMatchesList(page, "Handoffs due");
    await expectFigureMatchesList(page, "Overdue handoffs");
    await expectFigureMatchesList(page, "Closed-won, last 30 days");
  });

  test("CSM: my book and overdue touchpoints", async ({ page }) => {
    await signIn(page, "csm@baton.test");
    await expectFigureMatchesList(page, "My book");
    // The list's heading counts all of them; the list shows the first 50.
    const overdue = await expectFigureMatchesList(page, "Overdue touchpoints", async (book) => {
      const list = book.getByRole("region", { name: /^Overdue touchpoints/ });
      const total = await headingCount(list);
      expect(await list.getByRole("listitem").count()).toBe(Math.min(total, 50));
      return total;
    });
    expect(overdue).toBeGreaterThan(0);
  });

  test("leadership: paying customers and renewals due in 90 days", async ({ page }) => {
    await signIn(page, "leader@baton.test");
    const paying = Number(((await page.getByText(/^\d+ paying customers today/).textContent()) ?? "").match(/^(\d+)/)?.[1]);
    await page.getByRole("link").filter({ hasText: "Total ARR" }).click();
    expect(await listCount(page)).toBe(paying);
    await page.goto("/");
    const renewals = page.getByRole("link", { name: /^\d+ open renewals$/ });
    const due = Number(((await renewals.textContent()) ?? "").match(/^(\d+)/)?.[1]);
    await renewals.click();
    expect(await listCount(page)).toBe(due);
  });
});

test.describe("lists open on what needs action first", () => {
  test("handoffs: open ones soonest due first (overdue on top), then finished ones newest first", async ({ page }) => {
    const expected = await query<{ name: string }>(
      `SELECT a.name FROM "Handoff" h JOIN "Account" a ON a.id = h."accountId"
       ORDER BY (h.status IN ('IN_PROGRESS', 'SUBMITTED')) DESC,
                CASE WHEN h.status IN ('IN_PROGRESS', 'SUBMITTED') THEN h."dueAt" END ASC, h."dueAt" DESC, h.id
       LIMIT 25`,
    );
    expect(expected).toHaveLength(25);
    await signIn(page, "manager@baton.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Handoffs" }).click();
    await expect(page).toHaveURL(/\/handoffs$/);
    const table = page.getByRole("table", { name: "Handoffs", exact: true });
    // Strategic accounts carry a star after the name.
    expect((await firstColumn(table)).map((name) => name.replace(/ ★$/, ""))).toEqual(expected.map((row) => row.name));
    const clocks = await table.locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(clocks[0]).toMatch(/overdue|left/);
    expect(clocks.findIndex((clock) => clock.startsWith("Stopped"))).toBeGreaterThan(clocks.findLastIndex((clock) => /overdue|left/.test(clock)));
  });

  test("deals: open ones by expected close, then closed ones latest first", async ({ page }) => {
    const expected = await query<{ name: string }>(
      `SELECT d.name FROM "Deal" d JOIN "User" u ON u.id = d."ownerId" WHERE u.email = 'ae@baton.test'
       ORDER BY (d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) DESC,
                CASE WHEN d.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') THEN d."closeDate" END ASC, d."closeDate" DESC, d.id
       LIMIT 25`,
    );
    expect(expected.length).toBeGreaterThan(1);
    await signIn(page, "ae@baton.test");
    await page.goto("/deals");
    expect(await firstColumn(page.getByRole("table", { name: "Deals" }))).toEqual(expected.map((row) => row.name));
  });

  test("deals: Next and Previous page a filtered, sorted list by cursor and keep the view in the URL", async ({ page }) => {
    const { stage } = await one<{ stage: string }>(`SELECT stage::text FROM "Deal" GROUP BY stage ORDER BY count(*) DESC, stage LIMIT 1`);
    const expected = (await query<{ name: string }>(`SELECT name FROM "Deal" WHERE stage = $1 ORDER BY name DESC, id DESC LIMIT 10`, [stage])).map((row) => row.name);
    expect(expected).toHaveLength(10);
    await signIn(page, "manager@baton.test");
    await page.goto(`/deals?stage=${stage}&sort=name&dir=desc&perPage=5`);
    const table = page.getByRole("table", { name: "Deals" });
    const pager = page.getByRole("navigation", { name: "Pagination" });
    expect(await firstColumn(table)).toEqual(expected.slice(0, 5));
    await pager.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/[?&]after=/);
    const url = new URL(page.url());
    expect(Object.fromEntries(["stage", "sort", "dir", "perPage", "page"].map((name) => [name, url.searchParams.get(name)]))).toEqual({ stage, sort: "name", dir: "desc", perPage: "5", page: "2" });
    await expect(pager).toContainText("page 2 of");
    expect(await firstColumn(table)).toEqual(expected.slice(5, 10));
    await page.reload();
    expect(await firstColumn(table)).toEqual(expected.slice(5, 10));
    await pager.getByRole("link", { name: "Previous" }).click();
    await expect(page).not.toHaveURL(/[?&](after|before|page)=/);
    await expect(pager).toContainText("page 1 of");
    expect(await firstColumn(table)).toEqual(expected.slice(0, 5));
    // The filter form keeps the sort: applying it again stays sorted by name.
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/sort=name/);
  });

  test("renewals: open ones soonest first, closed ones after", async ({ page }) => {
    const expected = await query<{ name: string }>(
      `SELECT a.name FROM "RenewalOpportunity" r JOIN "Account" a ON a.id = r."accountId"
       ORDER BY (r.stage IN ('CLOSED_WON', 'CLOSED_LOST')) ASC,
                CASE WHEN r.stage IN ('CLOSED_WON', 'CLOSED_LOST') THEN NULL ELSE r."renewalDate" END ASC, r."renewalDate" DESC, r.id
       LIMIT 25`,
    );
    expect(expected).toHaveLength(25);
    await signIn(page, "manager@baton.test");
    await page.goto("/renewals");
    expect(await firstColumn(page.getByRole("table", { name: "Renewal pipeline" }))).toEqual(expected.map((row) => row.name));
  });

  test("accounts: lowest health first; CSM roster: fullest books first", async ({ page }) => {
    const expected = await query<{ name: string }>(
      `SELECT a.name FROM "Account" a JOIN "User" u ON u.id = a."csmId" WHERE u.email = 'csm@baton.test'
       ORDER BY a."healthScore", a."arrCents" DESC, a.id LIMIT 25`,
    );
    expect(expected.length).toBeGreaterThan(1);
    await signIn(page, "csm@baton.test");
    await page.goto("/accounts");
    expect(await firstColumn(page.getByRole("table", { name: "Accounts" }))).toEqual(expected.map((row) => row.name));

    const manager = await page.context().browser()!.newContext();
    const managerPage = await manager.newPage();
    await signIn(managerPage, "manager@baton.test");
    await managerPage.goto("/csms");
    const meters = managerPage.getByRole("table", { name: "CSM roster" }).getByRole("meter", { name: /^Accounts for / });
    const loads = await meters.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("aria-valuenow")) / Number(node.getAttribute("aria-valuemax"))));
    expect(loads.length).toBeGreaterThan(2);
    expect(loads).toEqual([...loads].sort((a, b) => b - a));
    await manager.close();
  });

  test("notifications: unread ones first", async ({ page }) => {
    const id = stamp();
    const user = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'leader@baton.test'`);
    await query(
      `INSERT INTO "Notification" (id, "userId", kind, title, body, "readAt", "createdAt") VALUES
        ($1, $3, 'test', $4, '', now(), now()),
        ($2, $3, 'test', $5, '', NULL, now() - interval '30 days')`,
      [`n-read-${id}`, `n-unread-${id}`, user.id, `E2E read ${id}`, `E2E unread ${id}`],
    );
    await signIn(page, "leader@baton.test");
    await page.goto("/notifications");
    const titles = await page.getByRole("list", { name: "Notifications" }).getByRole("listitem").evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
    expect(titles.indexOf(`E2E unread ${id}`)).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf(`E2E unread ${id}`)).toBeLessThan(titles.indexOf(`E2E read ${id}`));
  });
});

/** Shown and entirely within the screen's width as the page opens, with no sideways scrolling of its table. */
async function expectWithinWidth(page: Page, header: Locator): Promise<void> {
  await expect(header).toBeVisible();
  const box = await header.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, "the header has a box").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

test.describe("the column that matters stays on screen", () => {
  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`at ${viewport.width} px the 72-hour clock and days to renewal are visible without scrolling sideways`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page, "manager@baton.test");
      await expectWithinWidth(page, page.getByRole("region", { name: "Open handoffs" }).getByRole("columnheader", { name: "72-hour clock" }));
      await page.goto("/handoffs");
      await expectWithinWidth(page, page.getByRole("table", { name: "Handoffs", exact: true }).getByRole("columnheader", { name: "72-hour clock" }));
      await page.goto("/renewals");
      await expectWithinWidth(page, page.getByRole("table", { name: "Renewal pipeline" }).getByRole("columnheader", { name: "Days to renewal" }));
      await page.goto("/assignments");
      await expectWithinWidth(page, page.getByRole("table", { name: "CSM assignments awaiting review" }).getByRole("columnheader", { name: "72-hour clock" }));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    });
  }
});

test.describe("global search", () => {
  test("a CSM finds their own account from the keyboard and never another CSM's", async ({ page }) => {
    const mine = await one<{ id: string; name: string }>(
      `SELECT a.id, a.name FROM "Account" a JOIN "User" u ON u.id = a."csmId" WHERE u.email = 'csm@baton.test' ORDER BY a.name LIMIT 1`,
    );
    const theirs = await one<{ name: string }>(
      `SELECT a.name FROM "Account" a JOIN "User" u ON u.id = a."csmId"
       WHERE u.email <> 'csm@baton.test' AND NOT EXISTS (SELECT 1 FROM "Account" x JOIN "User" v ON v.id = x."csmId" WHERE v.email = 'csm@baton.test' AND x.name = a.name)
       ORDER BY a.name LIMIT 1`,
    );
    await signIn(page, "csm@baton.test");
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Search Baton" });
    const input = dialog.getByRole("combobox");
    await expect(input).toBeFocused();

    await input.fill(theirs.name);
    await expect(dialog.getByRole("status")).toHaveText(`Nothing you can see matches “${theirs.name}”.`);
    await expect(dialog.getByRole("option")).toHaveCount(0);

    await input.fill(mine.name);
    const option = dialog.getByRole("group", { name: "Accounts" }).getByRole("option").filter({ hasText: mine.name });
    await expect(option).toBeVisible();
    const axe = await new AxeBuilder({ page }).include("dialog").analyze();
    expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
    await input.press("ArrowDown");
    await expect(dialog.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await input.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/accounts/${mine.id}$`));
    await expect(page.getByRole("heading", { level: 1, name: mine.name })).toBeVisible();

    // The server decides, not the dialog: the API answers the same for a direct call.
    const direct = await page.request.get(`/api/search?q=${encodeURIComponent(theirs.name)}`);
    expect(await direct.json()).toEqual({ query: theirs.name, groups: [] });
  });

  test("a CS manager finds any account, and Enter without a choice opens every result", async ({ page }) => {
    const account = await one<{ name: string }>(`SELECT name FROM "Account" WHERE "csmId" IS NOT NULL ORDER BY name DESC LIMIT 1`);
    await signIn(page, "manager@baton.test");
    await page.getByRole("button", { name: "Search" }).click();
    const input = page.getByRole("dialog", { name: "Search Baton" }).getByRole("combobox");
    await input.fill(account.name);
    await expect(page.getByRole("dialog").getByRole("option").filter({ hasText: account.name }).first()).toBeVisible();
    await input.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole("region", { name: "Accounts" }).getByRole("link", { name: account.name })).toBeVisible();
    await expect(page.getByRole("dialog", { name: "Search Baton" })).toBeHidden();
  });
});

test.describe("destructive actions ask first, with undo where it is safe", () => {
  test("deactivating a user asks, can be cancelled, and can be undone; the audit log names the user", async ({ page }) => {
    const id = stamp();
    const person = { id: `e2e-user-${id}`, name: `E2E Person ${id}`, email: `person-${id}@example.test` };
    await query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'AE', now())`, [person.id, person.email, person.name]);
    const active = async () => (await one<{ active: boolean }>(`SELECT active FROM "User" WHERE id = $1`, [person.id])).active;

    await signIn(page, "admin@baton.test");
    await page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`);
    const row = page.getByRole("row").filter({ hasText: person.email });
    await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Deactivate ${person.name}?` });
    await expect(dialog).toContainText("signed out on their next page or API call");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(await active()).toBe(true);

    await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate user" }).click();
    await expect(row).toContainText("Deactivated");
    expect(await active()).toBe(false);
    const messages = page.getByRole("region", { name: "Messages" });
    await expect(messages).toContainText(`${person.name} deactivated.`);
    await messages.getByRole("button", { name: "Undo" }).click();
    await expect(row).toContainText("Active");
    await expect(messages).toContainText(`${person.name} is active again.`);
    expect(await active()).toBe(true);

    await page.goto(`/admin/audit?entityType=User&entityId=${person.id}`);
    const log = page.getByRole("table", { name: "Audit log" });
    await expect(log.getByRole("row")).toHaveCount(3);
    await expect(log.getByRole("row").nth(1)).toContainText("user.activated");
    await expect(log.getByRole("row").nth(2)).toContainText("user.deactivated");
    await expect(log.getByRole("link", { name: `${person.name} (${person.email})` }).first()).toBeVisible();
    await expect(log).not.toContainText(person.id);
  });

  test("a role change reads before → after in the audit log", async ({ page }) => {
    const id = stamp();
    const person = { id: `e2e-role-${id}`, name: `E2E Role ${id}`, email: `role-${id}@example.test` };
    await query(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, $3, 'AE', now())`, [person.id, person.email, person.name]);
    await signIn(page, "admin@baton.test");
    await page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`);
    await page.getByLabel(`Role of ${person.name}`, { exact: true }).selectOption("CSM");
    await page.getByRole("button", { name: `Change role of ${person.name}` }).click();
    await expect(page.getByRole("row").filter({ hasText: person.email }).getByRole("status")).toHaveText("Role changed.");
    await page.goto(`/admin/audit?entityType=User&entityId=${person.id}`);
    const change = page.getByRole("table", { name: "Audit log" }).getByRole("row").nth(1);
    await expect(change).toContainText("user.role_changed");
    await expect(change.locator("del")).toHaveText("AE");
    await expect(change.locator("ins")).toHaveText("CSM");
  });

  test("an API token is shown once with Copy, the form is cleared, and revoking asks first", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const name = `E2E Copy ${stamp()}`;
    await signIn(page, "admin@baton.test");
    await page.goto("/admin/api-tokens");
    await page.getByLabel("Token name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByLabel("New API token").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^baton_/);
    await expect(page.getByLabel("Token name")).toHaveValue("");
    await page.getByRole("button", { name: "Copy token" }).click();
    await expect(page.getByText("Copied to the clipboard")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog", { name: `Revoke the token “${name}”?` }).getByRole("button", { name: "Cancel" }).click();
    await expect(row).toContainText("Active");
    const stored = await one<{ revokedAt: Date | null }>(`SELECT "revokedAt" FROM "ApiToken" WHERE name = $1`, [name]);
    expect(stored.revokedAt).toBeNull();
  });

  test("closing a renewal as lost asks first; cancelling changes nothing", async ({ page }) => {
    await signIn(page, "manager@baton.test");
    await page.goto("/renewals");
    const control = page.getByRole("table", { name: "Renewal pipeline" }).getByLabel(/^Move .+ to stage$/).first();
    const renewalId = ((await control.getAttribute("id")) ?? "").replace(/^stage-/, "");
    const before = await one<{ stage: string }>(`SELECT stage::text FROM "RenewalOpportunity" WHERE id = $1`, [renewalId]);
    await control.selectOption("CLOSED_LOST");
    const form = control.locator("xpath=ancestor::form");
    await form.getByLabel(/^Why .+ was lost$/).selectOption("Competitor");
    await form.getByLabel(/^Was the loss of .+ addressable$/).selectOption("yes");
    await form.getByRole("button", { name: /^Move / }).click();
    const dialog = page.getByRole("dialog", { name: /^Close the renewal of .+ as lost \(Competitor\)\?$/ });
    await expect(dialog).toContainText("cannot be reopened");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(await one<{ stage: string }>(`SELECT stage::text FROM "RenewalOpportunity" WHERE id = $1`, [renewalId])).toEqual(before);
  });
});

test("a notification reads as formatted text, links to its record, and mark read can be undone", async ({ page }) => {
  const id = stamp();
  const account = await one<{ id: string; userId: string }>(
    `SELECT a.id, u.id AS "userId" FROM "Account" a JOIN "User" u ON u.id = a."csmId" WHERE u.email = 'csm@baton.test' ORDER BY a.name LIMIT 1`,
  );
  const title = `E2E Renewal Due ${id}`;
  await query(`INSERT INTO "Notification" (id, "userId", kind, title, body, link) VALUES ($1, $2, 'test', $3, $4, $5)`, [
    `n-md-${id}`,
    account.userId,
    title,
    "## Renewal Due: E2E Co\n\n**ARR**: $120,000\n\n- first step\n- second step\n\n<script>window.__injected = true</script>",
    `/accounts/${account.id}`,
  ]);
  await signIn(page, "csm@baton.test");
  await page.goto("/notifications");
  const item = page.getByRole("listitem", { name: title });
  await expect(item.getByText("Renewal Due: E2E Co")).toBeVisible();
  await expect(item.locator("strong")).toHaveText("ARR");
  await expect(item.getByRole("listitem")).toHaveText(["first step", "second step"]);
  await expect(item).not.toContainText("##");
  await expect(item).not.toContainText("**");
  expect(await item.locator("script").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect(item.getByRole("link", { name: "Open the account" })).toHaveAttribute("href", `/accounts/${account.id}`);

  const readAt = async () => (await one<{ readAt: Date | null }>(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [`n-md-${id}`])).readAt;
  await item.getByRole("button", { name: `Mark read: ${title}` }).click();
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages).toContainText(`Marked read: ${title}`);
  await expect(item.getByText("New", { exact: true })).toHaveCount(0);
  expect(await readAt()).not.toBeNull();
  await messages.getByRole("button", { name: "Undo" }).click();
  await expect(item.getByText("New", { exact: true })).toBeVisible();
  expect(await readAt()).toBeNull();
});
