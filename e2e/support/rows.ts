import { randomUUID } from "node:crypto";
import { one, query } from "./db";

/** A fresh account with one open deal of the AE's, unique names, for a browser test to close and hand off. */
export async function openDealFor(aeEmail: string, options: { amountCents?: bigint; segment?: string } = {}) {
  const id = randomUUID().slice(0, 8);
  const ae = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [aeEmail]);
  const product = await one<{ id: string; name: string }>(`SELECT id, name FROM "Product" WHERE name = 'Baton Core Platform'`);
  const accountName = `Journey ${id} Ltd`;
  await query(
    `INSERT INTO "Account" (id, "externalId", name, segment, industry, region, timezone, "primaryLanguage", "updatedAt")
     VALUES ($1, $2, $3, $4::"Segment", 'Software', 'NA', 'America/New_York', 'English', NOW())`,
    [`e2e-acc-${id}`, `E2E-ACC-${id}`, accountName, options.segment ?? "MID_MARKET"],
  );
  await query(
    `INSERT INTO "Deal" (id, "externalId", "accountId", name, type, stage, "amountCents", "termMonths", "closeDate", "ownerId",
                         "painPoints", risks, "technicalRequirements", integrations, "winReason", "updatedAt")
     VALUES ($1, $2, $3, $4, 'NEW', 'NEGOTIATION', $5, 12, CURRENT_DATE, $6, '{"Renewals found too late"}', '{}', '{"SSO via Okta"}', '{"Salesforce"}', 'Replacing spreadsheets', NOW())`,
    [`e2e-deal-${id}`, `E2E-DEAL-${id}`, `e2e-acc-${id}`, `${accountName} — platform`, String(options.amountCents ?? 6_000_050n), ae.id],
  );
  await query(`INSERT INTO "DealProduct" ("dealId", "productId") VALUES ($1, $2)`, [`e2e-deal-${id}`, product.id]);
  return { accountId: `e2e-acc-${id}`, dealId: `e2e-deal-${id}`, accountName, dealName: `${accountName} — platform` };
}
