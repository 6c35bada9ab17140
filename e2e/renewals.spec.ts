import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { callServerAction } from "./support/actions";
import { signIn } from "./support/auth";
import { one } from "./support/db";
import { headingCount } from "./support/counts";
import { customerWithRenewal, plannedTouchpoint } from "./support/fixtures";
import { TOUCHPOINT_LABELS } from "../lib/labels";


test.describe("the renewal engine", () => {
  test("a CSM completes a touchpoint from their book", async ({ page, playwright }) => {
    // Its own customer of the CSM's, with a check-in due today: the only one of that type on the account.
    const customer = await customerWithRenewal({ amountCents: 3_600_000n, renewalInDays: 90 });
    const { touchpointId } = await plannedTouchpoint({ accountId: customer.accountId, ownerEmail: "csm@baton.test", type: "CHECK_IN", inDays: 0 });
    const touchpoint = { id: touchpointId, type: "CHECK_IN", account: customer.name };
    const label = `${TOUCHPOINT_LABELS[touchpoint.type as keyof typeof TOUCHPOINT_LABELS]} with ${touchpoint.account}`;
    await signIn(page, "csm@baton.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My book" }).click();
    await expect(page.getByRole("heading", { name: "My book" })).toBeVisible();

    const item = page.getByRole("listitem", { name: label });
    await item.getByText("Mark done").click();
    await item.getByLabel(`Notes for ${label}`).fill("Held with the champion; next steps agreed.");
    await item.getByRole("button", { name: `Save: ${label} done` }).click();
    await expect(page.getByRole("region", { name: /Recently done/ }).getByRole("listitem", { name: label })).toBeVisible();
    await expect(page.getByRole("region", { name: /Recently done/ })).toContainText("Held with the champion; next steps agreed.");

    const saved = await one<{ status: string; notes: string }>(`SELECT status::text AS status, notes FROM "Touchpoint" WHERE id = $1`, [touchpoint.id]);
    expect(saved).toEqual({ status: "DONE", notes: "Held with the champion; next steps agreed." });

    // The calendar feed answers a calendar app (no session) at the secret URL shown on the page, and nothing else.
    const feedUrl = new URL(await page.getByLabel("Calendar feed URL").inputValue());
    const app = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
    const feed = await app.get(feedUrl.pathname);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    expect((await feed.text()).replace(/\r\n /g, "")).toContain(`SUMMARY:${TOUCHPOINT_LABELS[touchpoint.type as keyof typeof TOUCHPOINT_LABELS]}: ${touchpoint.account}`);
    expect((await app.get("/api/calendar/not-a-real-token-000000000000.ics")).status()).toBe(404);
    await app.dispose();
  });

  test("a CSM's long book shows its first 50 with the true count, and opens the whole list", async ({ page }) => {
    // 55 check-ins at the far end of the 120-day window, so the other tests' touchpoints due today stay on top.
    const customer = await customerWithRenewal({ amountCents: 1_200_000n, renewalInDays: 200 });
    for (let i = 0; i < 55; i++) await plannedTouchpoint({ accountId: customer.accountId, ownerEmail: "csm@baton.test", type: "CHECK_IN", inDays: 110 + (i % 10) });
    await signIn(page, "csm@baton.test");
    await page.goto("/book");
    const upcoming = page.getByRole("region", { name: /^Upcoming touchpoints/ });
    const total = await headingCount(upcoming);
    expect(total).toBeGreaterThanOrEqual(55);
    await expect(upcoming.getByRole("listitem")).toHaveCount(50);
    await expect(upcoming).toContainText(`Showing the first 50 of ${total}, soonest first.`);

    await upcoming.getByRole("link", { name: `Show all ${total}` }).click();
    await expect(page).toHaveURL(/\/book\?show=upcoming/);
    await expect(upcoming.getByRole("listitem")).toHaveCount(total);
    await expect(upcoming.getByRole("listitem", { name: `${TOUCHPOINT_LABELS.CHECK_IN} with ${customer.name}` })).toHaveCount(55);
    await upcoming.getByRole("link", { name: "Show fewer" }).click();
    await expect(upcoming.getByRole("listitem")).toHaveCount(50);
  });

  test("a CS manager finds a CSM by typing part of their name, and the filtered list survives a reload", async ({ page }) => {
    const csm = await one<{ id: string; name: string; count: number }>(
      `SELECT u.id, u.name, count(*)::int AS count FROM "User" u JOIN "Account" a ON a."csmId" = u.id JOIN "RenewalOpportunity" r ON r."accountId" = a.id
       WHERE u.role = 'CSM' GROUP BY u.id, u.name ORDER BY count(*) DESC, u.name LIMIT 1`,
    );
    const lastName = csm.name.split(" ").at(-1)!;
    await signIn(page, "manager@baton.test");
    await page.goto("/renewals");
    const picker = page.getByRole("combobox", { name: "CSM", exact: true });
    await expect(picker).toHaveAttribute("aria-expanded", "false");
    // A word of the name, not its start: "Scu" finds "Dana Scully".
    await picker.fill(lastName.slice(0, 3));
    await expect(picker).toHaveAttribute("aria-expanded", "true");
    const options = page.getByRole("listbox", { name: "CSM choices" }).getByRole("option");
    await expect(options.filter({ hasText: csm.name }).first()).toBeVisible();
    // Keyboard: down to the option, Enter picks it without submitting.
    const index = (await options.allInnerTexts()).findIndex((text) => text.startsWith(csm.name));
    for (let i = 0; i <= index; i++) await picker.press("ArrowDown");
    await expect(picker).toHaveAttribute("aria-activedescendant", (await options.nth(index).getAttribute("id"))!);
    await picker.press("Enter");
    await expect(picker).toHaveValue(csm.name);
    await expect(picker).toHaveAttribute("aria-expanded", "false");
    await expect(page).not.toHaveURL(/csm=/);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`csm=${csm.id}`));
    await expect(page.getByText(`${csm.count} ${csm.count === 1 ? "row" : "rows"} · page 1 of`)).toBeVisible();
    const shown = await page.getByRole("table", { name: "Renewal pipeline" }).locator("tbody tr").count();
    expect(shown).toBe(Math.min(csm.count, 25));

    await page.reload();
    await expect(picker).toHaveValue(csm.name);
    await expect(page).toHaveURL(new RegExp(`csm=${csm.id}`));
    await expect(page.getByText(`${csm.count} ${csm.count === 1 ? "row" : "rows"} · page 1 of`)).toBeVisible();

    // Escape on the closed picker clears it back to every CSM.
    await picker.focus();
    await picker.press("Escape");
    await picker.press("Escape");
    await expect(picker).toHaveValue("");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).not.toHaveURL(new RegExp(`csm=${csm.id}`));
  });

  test("a pipeline filter survives a reload and its CSV holds the rows shown", async ({ page }) => {
    await signIn(page, "manager@baton.test");
    await page.goto("/renewals");
    await page.getByLabel("Stage", { exact: true }).selectOption("COMMITTED");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/stage=COMMITTED/);
    await page.getByRole("columnheader", { name: /ARR/ }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=arr/);

    await page.reload();
    await expect(page.getByLabel("Stage", { exact: true })).toHaveValue("COMMITTED");
    const table = page.getByRole("table", { name: "Renewal pipeline" });
    const rows = table.locator("tbody tr");
    const expected = await one<{ count: number }>(`SELECT count(*)::int AS count FROM "RenewalOpportunity" WHERE stage = 'COMMITTED'`);
    expect(expected.count).toBeGreaterThan(0);
    expect(expected.count).toBeLessThanOrEqual(25);
    await expect(rows).toHaveCount(expected.count);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll("td"));
        const text = (index: number) => cells[index]?.textContent?.trim() ?? "";
        // Columns: account, days to renewal, stage, risk, ARR, renewal date, … The stage cell also holds the manager's
        // stage control; its first span is the stage itself.
        return { account: text(0), renewalDate: text(5), stage: cells[2]?.querySelector("span")?.textContent?.trim() ?? "", arr: text(4) };
      }),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((row) => row.stage === "Committed")).toBe(true);

    const query = new URL(page.url()).search;
    const response = await page.request.get(`/api/renewals/export${query}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
    // The table shows whole dollars; the CSV keeps the cents.
    const wholeDollars = (text: string) => Math.trunc(Number(text.replace(/[$,]/g, "")));
    expect(records.map((r) => ({ account: r.account, renewalDate: r.renewal_date, stage: r.stage, arr: wholeDollars(r.arr ?? "") }))).toEqual(
      shown.map((row) => ({ account: row.account, renewalDate: row.renewalDate, stage: row.stage, arr: wholeDollars(row.arr ?? "") })),
    );
  });

  test("an AE sees no stage control, and calling the action directly is refused", async ({ page }) => {
    // Its own renewal on an account of the AE's.
    const customer = await customerWithRenewal({ amountCents: 2_400_000n, renewalInDays: 120 });
    const renewal = { id: customer.renewalId, stage: "RENEWAL_PENDING" };
    await signIn(page, "ae@baton.test");
    await page.getByRole("link", { name: "Renewals" }).click();
    const table = page.getByRole("table", { name: "Renewal pipeline" });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    await expect(table.getByRole("button", { name: /^Move / })).toHaveCount(0);
    await expect(table.getByRole("combobox")).toHaveCount(0);

    const body = await callServerAction(page, { path: "/renewals", file: "components/renewals/actions.ts", name: "moveRenewalStageAction", args: [{ renewalId: renewal.id, stage: "PLANNING", closedAmount: "" }] });
    expect(body).toContain("You do not have access to this.");
    const after = await one<{ stage: string }>(`SELECT stage::text AS stage FROM "RenewalOpportunity" WHERE id = $1`, [renewal.id]);
    expect(after.stage).toBe(renewal.stage);
  });
});
