import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAs } from "./support/auth";
import { one } from "./support/db";
import { customerWithRenewal, openDeal } from "./support/fixtures";

const cents = (text: string) => BigInt(text.replace(/[^0-9-]/g, ""));

async function totalArr(page: Page): Promise<bigint> {
  await page.goto("/");
  const stat = page.locator("div", { has: page.getByText("Total ARR", { exact: true }) }).last();
  return cents((await stat.locator("p").nth(1).textContent()) ?? "");
}

test.describe("the revenue ledger", () => {
  test("a CSM closes a renewal won at a new price and sees the next term on the account", async ({ page }) => {
    const customer = await customerWithRenewal({ amountCents: 12_000_050n, renewalInDays: 40 });
    await signIn(page, "csm@baton.test");
    await page.goto(`/accounts/${customer.accountId}`);
    const terms = page.getByRole("table", { name: "Renewal terms of this account" });
    await expect(terms.getByRole("row")).toHaveCount(2);

    await page.getByLabel(`Move ${customer.name} to stage`).selectOption("CLOSED_WON");
    await page.getByLabel(`Renewed ARR for ${customer.name} (USD)`).fill("130000.50");
    await page.getByRole("button", { name: `Move ${customer.name}` }).click();
    // Closing is final: the control asks to confirm, naming the amount and term.
    const dialog = page.getByRole("dialog", { name: `Close the renewal of ${customer.name} as won at $130,000.50 for 12 months?` });
    await expect(dialog).toContainText("cannot be reopened");
    await dialog.getByRole("button", { name: "Close as won" }).click();

    await expect(terms.getByRole("row")).toHaveCount(3);
    await expect(page.getByTestId("renewal-term-1")).toContainText("Closed won at $130,000.50");
    await expect(page.getByTestId("renewal-term-2")).toContainText("Renewal pending");
    const next = await one<{ amount: string; date: string }>(
      `SELECT r."amountCents"::text AS amount, to_char(r."renewalDate", 'YYYY-MM-DD') AS date
       FROM "RenewalOpportunity" r JOIN "Deal" d ON d.id = r."originalDealId" WHERE r."accountId" = $1 AND d.type = 'RENEWAL'`,
      [customer.accountId],
    );
    expect(next.amount).toBe("13000050");
    const expected = await one<{ date: string }>(`SELECT to_char($1::date + interval '12 months', 'YYYY-MM-DD') AS date`, [customer.renewalDate]);
    expect(next.date).toBe(expected.date);
    // The uplift is contracted from the renewal date: today's ARR is still the old term's.
    await expect(page.getByText(/\$120,000\.50 · \+\$10,000\.00 contracted, starts/)).toBeVisible();
  });

  test("leadership sees a new customer's ARR on the home and the bridge on the dashboard", async ({ page, browser }) => {
    const deal = await openDeal({ amountCents: 4_800_025n });
    await signIn(page, "leader@baton.test");
    const before = await totalArr(page);

    const ae = await signInAs(browser, "ae@baton.test");
    await ae.goto(`/deals/${deal.dealId}`);
    await ae.getByRole("button", { name: "Mark closed-won" }).click();
    await ae.getByRole("dialog").getByRole("button", { name: "Confirm closed-won" }).click();
    await expect(ae).toHaveURL(/\/handoffs\//, { timeout: 20_000 });
    await ae.context().close();

    expect(await totalArr(page)).toBe(before + 4_800_025n);

    await page.goto("/dashboard?period=qtd");
    const bridge = page.getByTestId("arr-bridge");
    await expect(bridge).toBeVisible();
    const value = async (label: string) => cents((await bridge.getByRole("row", { name: label }).getByRole("cell").textContent()) ?? "");
    const [starting, added, expansion, contraction, churn, ending] = (await Promise.all(
      ["Starting ARR", "+ New", "+ Expansion", "− Contraction", "− Churn", "= Ending ARR"].map(value),
    )) as [bigint, bigint, bigint, bigint, bigint, bigint];
    expect(starting + added + expansion - contraction - churn).toBe(ending);
    await bridge.getByRole("link", { name: /^New / }).click();
    await expect(page.getByRole("heading", { name: "ARR movements in the period" })).toBeVisible();
    await expect(page).toHaveURL(/focus=NEW/);
    // The newest movement first: today's close.
    await page.goto(`${page.url()}&sort=date&dir=desc`);
    await expect(page.getByRole("row", { name: new RegExp(deal.name) })).toContainText("$48,000.25");
  });
});
