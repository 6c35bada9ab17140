import { expect, test } from "@playwright/test";
import { callServerAction } from "./support/actions";
import { signIn, signInAs } from "./support/auth";
import { one } from "./support/db";
import { pendingAssignment } from "./support/fixtures";

const SEGMENT_LABELS: Record<string, string> = { ENTERPRISE: "Enterprise", MID_MARKET: "Mid-Market", SCALE: "Scale" };

/** The stored exact score ("211.60000000") as the page writes it ("211.60"). */
function scoreText(decimal: string): string {
  const [whole, fraction = ""] = decimal.split(".");
  return `${whole}.${fraction.replace(/0+$/, "").padEnd(2, "0")}`;
}

function pointsText(points: number): string {
  const hundredths = Math.round(points * 100);
  if (hundredths === 0) return "0";
  return `${hundredths > 0 ? "+" : "\u2212"}${Math.abs(hundredths) / 100}`;
}

test.describe("CSM assignment review", () => {
  test("a CS manager filters the queue, reads the breakdown and approves; the CSM finds the new account", async ({ page, browser }) => {
    // Its own two suggestions, of new accounts in two segments: the subject, and one the segment filter must hide.
    const aePage = await signInAs(browser, "ae@baton.test");
    const created = await pendingAssignment(aePage, { segment: "MID_MARKET" });
    const pending = { ...created, score: scoreText(created.score) };
    const otherSegment = await pendingAssignment(aePage, { segment: "SCALE" });
    await aePage.context().close();
    const segmentTerm = pending.candidates.candidates[0]?.breakdown.find((term) => term.key === "segment");
    if (!segmentTerm) throw new Error("the stored suggestion has no segment term");

    await signIn(page, "manager@baton.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assignments" }).click();
    await expect(page.getByRole("heading", { name: "CSM assignments", level: 1 })).toBeVisible();
    const queue = page.getByRole("table", { name: "CSM assignments awaiting review" });
    await expect(queue.getByRole("link", { name: pending.account })).toBeVisible();

    await page.getByLabel("Segment", { exact: true }).selectOption({ label: SEGMENT_LABELS[pending.segment]! });
    await page.getByLabel("Search accounts").fill(pending.account.split(" ").slice(0, 2).join(" "));
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`segment=${pending.segment}`));
    await expect(queue.getByRole("link", { name: pending.account })).toBeVisible();
    await expect(queue.getByRole("link", { name: otherSegment.account })).toHaveCount(0);
    const row = queue.getByRole("row").filter({ has: page.getByRole("link", { name: pending.account }) });
    await expect(row.getByRole("cell", { name: pending.csmName })).toBeVisible();
    await expect(row.getByRole("cell", { name: pending.score, exact: true })).toBeVisible();
    await expect(row.getByText(/\d+h \d+m (left|overdue)|\d+m (left|overdue)|Clock stopped/)).toBeVisible();

    await queue.getByRole("link", { name: pending.account }).click();
    await expect(page).toHaveURL(new RegExp(`/assignments/${pending.id}$`));
    await expect(page.getByRole("heading", { name: `CSM for ${pending.account}` })).toBeVisible();
    const card = page.getByRole("article", { name: `1. ${pending.csmName}` });
    await expect(card.getByText(pending.score, { exact: true }).first()).toBeVisible();
    const segmentRow = card.getByRole("row", { name: /Segment expertise/ });
    await expect(segmentRow.getByRole("cell").first()).toHaveText(pointsText(segmentTerm.points));
    await expect(card.getByRole("meter", { name: `Accounts for ${pending.csmName}` })).toBeVisible();
    await expect(card.getByRole("meter", { name: `ARR for ${pending.csmName}` })).toBeVisible();
    await expect(page.getByRole("region", { name: "Excluded CSMs" }).getByRole("row").nth(1)).toBeVisible();

    // A decision with a missing reason is refused with the field named, and changes nothing.
    await page.getByRole("button", { name: "Reject suggestion" }).click();
    await expect(page.getByText("Enter the reason for rejecting the suggestion.")).toBeVisible();
    expect((await one<{ status: string }>(`SELECT status::text FROM "CsmAssignment" WHERE id = $1`, [pending.id])).status).toBe("PENDING");

    const booksMeter = card.getByRole("meter", { name: `Accounts for ${pending.csmName}` });
    const [booked, limit] = ((await booksMeter.getAttribute("aria-valuetext")) ?? "").match(/\d+/g)!.map(Number);
    await page.getByRole("button", { name: `Approve ${pending.csmName}` }).click();
    // The outcome shows where the eye is (a toast) and the decision at the top takes the focus, in view.
    const decision = page.getByRole("heading", { name: "Decision: Approved" });
    await expect(decision).toBeFocused();
    await expect(decision).toBeInViewport();
    await expect(page.getByRole("region", { name: "Messages" })).toContainText(`Approved: ${pending.csmName} is now the CSM for ${pending.account}.`);
    // "Book now" is current: the approved account is in the CSM's book.
    await expect(booksMeter).toHaveAttribute("aria-valuetext", `${booked! + 1} of ${limit} accounts`);
    const manager = await one<{ name: string }>(`SELECT name FROM "User" WHERE email = 'manager@baton.test'`);
    await expect(page.getByText(`${pending.csmName} was assigned by ${manager.name}`)).toBeVisible();
    const account = await one<{ csm: string | null }>(
      `SELECT u.email AS csm FROM "Account" a LEFT JOIN "User" u ON u.id = a."csmId" WHERE a.name = $1`,
      [pending.account],
    );
    expect(account.csm).toBe(pending.csmEmail);

    const csmPage = await signInAs(browser, pending.csmEmail);
    await expect(csmPage.getByRole("region", { name: "My accounts" }).getByText(pending.account).first()).toBeVisible();
  });

  test("a CS manager approves the top suggestion of a selected row in bulk and reads the result per row", async ({ page, browser }) => {
    const aePage = await signInAs(browser, "ae@baton.test");
    const pending = await pendingAssignment(aePage);
    await aePage.context().close();
    await signIn(page, "manager@baton.test");
    await page.goto(`/assignments?q=${encodeURIComponent(pending.account)}`);
    await page.getByRole("checkbox", { name: `Select ${pending.account}` }).check();
    await page.getByRole("button", { name: "Approve top suggestion (1)" }).click();
    const results = page.getByRole("status", { name: "Bulk approval results" });
    await expect(results).toContainText("1 of 1 approved");
    await expect(results).toContainText(`${pending.account}: approved — ${pending.csmName} is the CSM`);
    await expect(page.getByRole("table", { name: "CSM assignments awaiting review" }).getByRole("link", { name: pending.account })).toHaveCount(0);
  });

  test("the roster shows each CSM's book against its limits and filters by tier", async ({ page }) => {
    const scale = await one<{ name: string }>(`SELECT u.name FROM "CsmProfile" p JOIN "User" u ON u.id = p."userId" WHERE p.tier = 'SCALE' ORDER BY u.name LIMIT 1`);
    const enterprise = await one<{ name: string }>(`SELECT u.name FROM "CsmProfile" p JOIN "User" u ON u.id = p."userId" WHERE p.tier = 'ENTERPRISE' ORDER BY u.name LIMIT 1`);
    await signIn(page, "manager@baton.test");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "CSM roster" }).click();
    const roster = page.getByRole("table", { name: "CSM roster" });
    await expect(roster.getByRole("meter", { name: `Accounts for ${enterprise.name}` })).toBeVisible();
    await page.getByLabel("Tier", { exact: true }).selectOption({ label: "Scale" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/tier=SCALE/);
    await expect(roster.getByRole("meter", { name: `ARR for ${scale.name}` })).toBeVisible();
    await expect(roster.getByText(enterprise.name)).toHaveCount(0);
  });

  test("an AE cannot open the queue, and a CSM calling the approval directly is refused", async ({ page, browser }) => {
    await signIn(page, "ae@baton.test");
    await expect(page.getByRole("link", { name: "Assignments", exact: true })).toHaveCount(0);
    expect((await page.goto("/assignments"))?.status()).toBe(403);

    const pending = await pendingAssignment(await signInAs(browser, "ae@baton.test"));
    const csmPage = await signInAs(browser, "csm@baton.test");
    const body = await callServerAction(csmPage, { path: "/assignments", file: "components/assignments/actions.ts", name: "approveTopSuggestionsAction", args: [{ items: [{ assignmentId: pending.id }] }] });
    expect(body).toContain("You do not have access to this.");
    expect((await one<{ status: string }>(`SELECT status::text FROM "CsmAssignment" WHERE id = $1`, [pending.id])).status).toBe("PENDING");
  });
});
