import { expect, test, type Browser, type Page } from "@playwright/test";
import { markdownPlainText } from "../lib/handoff/markdown";
import { normaliseText } from "../lib/handoff/document";
import { signIn } from "./support/auth";
import { one } from "./support/db";
import { openDealFor } from "./support/rows";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const DEVICES = [
  { name: "desktop", viewport: { width: 1366, height: 900 }, phone: false },
  { name: "phone", viewport: { width: 390, height: 844 }, phone: true },
] as const;

async function as(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, email);
  return page;
}

/** Opens a step from the step list; on a phone the list is folded behind its button first. */
async function openStep(page: Page, label: string) {
  const toggle = page.getByRole("button", { name: /Steps$/ });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole("navigation", { name: "Handoff steps" }).getByRole("button", { name: new RegExp(`^${label.replace(/[.]/g, "\\.")}`) }).click();
  await expect(page.getByRole("heading", { level: 2, name: label })).toBeInViewport();
}

async function noSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

for (const device of DEVICES) {
  test.describe(`the handoff journey on a ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    test("AE closes with a confirmation, the manager approves during the checklist, the AE finishes with the default template, the CSM acknowledges, the document equals its Markdown", async ({ page, browser }) => {
      test.setTimeout(240_000);
      const { dealId, accountName, dealName } = await openDealFor("ae@baton.test");

      // Mark closed-won asks first, with the close date; Undo during the grace period sends nothing.
      await signIn(page, "ae@baton.test");
      await page.goto(`/deals/${dealId}`);
      await page.getByRole("button", { name: "Mark closed-won" }).click();
      const dialog = page.getByRole("dialog", { name: `Mark ${dealName} closed-won?` });
      await expect(dialog.getByText("Close date", { exact: true })).toBeVisible();
      await expect(dialog.getByText(/\(today\)/)).toBeVisible();
      await dialog.getByRole("button", { name: "Confirm closed-won" }).click();
      await expect(page.getByRole("status").filter({ hasText: "nothing is saved until then" })).toBeVisible();
      await page.getByRole("button", { name: "Undo" }).click();
      await expect(page.getByRole("button", { name: "Mark closed-won" })).toBeVisible();
      await page.waitForTimeout(6_000);
      expect((await one<{ stage: string }>(`SELECT stage::text FROM "Deal" WHERE id = $1`, [dealId])).stage).toBe("NEGOTIATION");
      await page.getByRole("button", { name: "Mark closed-won" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Confirm closed-won" }).click();
      await expect(page).toHaveURL(/\/handoffs\/[\w-]+/, { timeout: 20_000 });
      const handoffId = new URL(page.url()).pathname.split("/")[2]!;
      await expect(page.getByRole("heading", { level: 1, name: new RegExp(accountName) })).toBeVisible();
      await expect(page.getByRole("region", { name: "Next" })).toContainText("A CS manager approves the suggested CSM");

      // The CS manager approves the suggestion while the checklist is still being filled in.
      const manager = await as(browser, "manager@baton.test", device.viewport);
      await manager.goto(`/handoffs/${handoffId}`);
      await manager.getByRole("link", { name: "Review the suggestion" }).click();
      await manager.getByRole("button", { name: /^Approve / }).click();
      await expect(manager.getByRole("heading", { name: "Decision: Approved" })).toBeVisible();
      const csm = await one<{ name: string; email: string; status: string }>(
        `SELECT u.name, u.email, h.status::text AS status FROM "Handoff" h JOIN "Account" a ON a.id = h."accountId" JOIN "User" u ON u.id = a."csmId" WHERE h.id = $1`,
        [handoffId],
      );
      expect(csm.status).toBe("IN_PROGRESS");

      // The checklist: errors at the field, honest save status, stakeholders as cards that fit the screen.
      await page.reload();
      await openStep(page, "Why they bought");
      await expect(page.getByRole("textbox", { name: "Why they bought" })).toHaveValue("Replacing spreadsheets");
      await openStep(page, "Success criteria");
      await page.getByRole("button", { name: "Add success criterion" }).click();
      await page.getByLabel("Metric (criterion 1)").fill("Renewal forecast accuracy");
      await page.getByLabel("Baseline (criterion 1)").fill("60%");
      await page.getByLabel("Target (criterion 1)").fill("90%");
      await page.getByLabel("Due by (criterion 1)").fill("2027-06-30");

      await openStep(page, "Key stakeholders");
      await page.getByRole("button", { name: "Add stakeholder" }).click();
      const card = page.getByRole("listitem", { name: "Stakeholder 1" });
      await card.getByLabel("Name (stakeholder 1)").fill("Morgan Lee");
      await card.getByLabel("Title (stakeholder 1)").fill("Director of Revenue Operations");
      await card.getByLabel("Role (stakeholder 1)").selectOption("CHAMPION");
      await card.getByLabel("Email (stakeholder 1)").fill("morgan.lee@journey-e2e.test");
      await card.getByLabel("Priority (stakeholder 1)").selectOption("HIGH");
      // Every field of the card, down to its last button, fits the screen's width: nothing is off to the side.
      const remove = card.getByRole("button", { name: "Remove stakeholder 1" });
      await remove.scrollIntoViewIfNeeded();
      await expect(remove).toBeInViewport({ ratio: 1 });
      for (const field of ["Email (stakeholder 1)", "Priority (stakeholder 1)", "Notes (stakeholder 1)"]) {
        const box = await card.getByLabel(field).boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(device.viewport.width);
      }
      await noSidewaysScroll(page);

      await openStep(page, "Implementation timeline");
      await page.getByLabel("Implementation start").fill("2027-03-01");
      const goLive = page.getByLabel("Go-live", { exact: true });
      await goLive.fill("2027-02-15");
      await goLive.blur();
      await expect(goLive).toHaveAttribute("aria-invalid", "true");
      await expect(goLive).toHaveAccessibleDescription("Go-live must be after the start");
      await expect(page.getByRole("status").filter({ hasText: /Draft saved — 1 field needs attention/ })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toHaveCount(0);
      await page.getByLabel("Implementation start").fill("2026-12-01");
      await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

      // Missing items are links to the field.
      await openStep(page, "Submit checklist");
      await page.getByRole("button", { name: /^Risk factors:/ }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Risk factors" })).toBeInViewport();
      await page.getByRole("button", { name: "Add risk factor" }).click();
      await page.getByLabel("Risk (risk 1)").fill("Champion is new in role");
      await page.getByLabel("Severity (risk 1)").selectOption("MEDIUM");
      await page.getByLabel("Mitigation (risk 1)").fill("Add the CFO as executive sponsor");
      await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
      await openStep(page, "Submit checklist");
      await expect(page.getByText("Every required item is complete.")).toBeVisible();
      await page.getByRole("button", { name: "Submit handoff" }).click();
      await expect(page.getByText("The checklist was submitted.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Next" })).toContainText(`sends the client introduction of ${csm.name}`);

      // The default template (with {{contact.firstName}}) sends as it is.
      await openStep(page, "2. Client introduction");
      await expect(page.getByText("Unknown merge field")).toHaveCount(0);
      await page.getByRole("button", { name: "Send introduction" }).click();
      await expect(page.getByText(/^Sent .*Welcome to Baton/)).toBeVisible();

      await openStep(page, "3. Documentation transfer");
      for (const [kind, file] of [["SIGNED_CONTRACT", "Signed contract.pdf"], ["SOW", "SOW.pdf"], ["VALUE_PROJECTION", "Value projection.pdf"]] as const) {
        await page.getByLabel("Document type").selectOption(kind);
        await page.getByLabel("File", { exact: true }).setInputFiles({ name: file, mimeType: "application/pdf", buffer: PDF });
        await page.getByRole("button", { name: "Upload" }).click();
        await expect(page.getByRole("link", { name: new RegExp(file.replace(".", "\\.")) })).toBeVisible();
      }

      await openStep(page, "1. Handoff meeting");
      await page.getByLabel("CS manager").selectOption({ label: (await one<{ name: string }>(`SELECT name FROM "User" WHERE email = 'manager@baton.test'`)).name });
      await expect(page.getByText("Times you are both free:", { exact: true })).toBeVisible();
      await page.getByRole("button", { name: /^Use / }).first().click();
      await page.getByLabel("Meeting notes").fill("Walked through history, pain points and the agreed ROI metrics.");
      await page.getByRole("button", { name: "Log handoff meeting" }).click();
      await expect(page.getByText(/^Logged:/)).toBeVisible();

      // The CS manager records the account setup: the clock stops.
      await manager.goto(`/handoffs/${handoffId}?step=ACCOUNT_SETUP`);
      await manager.getByLabel("Client environment provisioned").check();
      await manager.getByRole("button", { name: "Record account setup" }).click();
      await expect(manager.getByText(/^Kick-off scheduled:/)).toBeVisible();
      expect((await one<{ status: string }>(`SELECT status::text FROM "Handoff" WHERE id = $1`, [handoffId])).status).toBe("COMPLETED");

      // The CSM acknowledges: from the home page on a desktop, from the notification on a phone.
      const csmPage = await as(browser, csm.email, device.viewport);
      const place = device.phone ? "/notifications" : "/";
      await csmPage.goto(place);
      const form = csmPage.getByRole("form", { name: `Acknowledge handoff (${accountName})` });
      await form.getByLabel(`Rating (${accountName})`).selectOption("5");
      await form.getByRole("button", { name: `Acknowledge handoff (${accountName})` }).click();
      // Acknowledged: the form goes away with the refresh.
      await expect(form).toHaveCount(0);
      expect((await one<{ status: string; rating: number }>(`SELECT status::text, rating FROM "Handoff" WHERE id = $1`, [handoffId]))).toEqual({ status: "ACKNOWLEDGED", rating: 5 });

      // The document page says exactly what its Markdown says.
      await csmPage.goto(`/handoffs/${handoffId}/document`);
      const pageText = normaliseText(await csmPage.getByTestId("handoff-document").innerText());
      const markdown = await csmPage.getByTestId("handoff-markdown").textContent();
      expect(markdown).toContain("## ✅ Customer Handoff Complete");
      expect(markdown).toContain("**Deal Value**: $60,000.50 ARR");
      expect(markdown).toContain(`**Assigned CSM**: ${csm.name}`);
      expect(markdown).toContain("| Morgan Lee | Director of Revenue Operations | Champion | High |");
      expect(markdown).toContain("Kickoff Call");
      expect(pageText).toBe(markdownPlainText(markdown ?? ""));
      await noSidewaysScroll(csmPage);
    });
  });
}
