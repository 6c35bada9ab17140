import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { PUT as putAccount } from "@/app/api/v1/accounts/[externalId]/route";
import { POST as webhook } from "@/app/api/webhooks/crm/route";
import { signatureHeader } from "@/lib/webhooks/signature";
import { drillParams } from "@/lib/dashboard/params";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { renewalsCsv } from "@/lib/renewals/csv";
import { exportCsv as dashboardCsv } from "@/lib/server/dashboard/export-csv";
import { exportCsvText } from "@/lib/server/exports/export-csv";
import { runImport } from "@/lib/server/imports/run-import";
import { textSource } from "@/lib/server/imports/csv-reader";
import { listAllRenewals, renewalListParams } from "@/lib/server/renewals/list-renewals";
import { call, tokenFor } from "./support/api";
import { createAccount, createProduct, createUser } from "./support/fixtures";
import { deal, movements, renewalFor } from "./support/dashboard-fixtures";

// Issue 11: an account named like a spreadsheet formula — accepted, as a name can be anything — is written by
// every export (renewals, the admin exports, the dashboard) as text, never as a live formula; the admin export
// still imports back to the same name.

const FROM_API = '=HYPERLINK("http://evil.example","click")';
const FROM_CSV = "+cmd|' /C calc'!A0";
const FROM_WEBHOOK = "@SUM(1+1)";
const FROM_TAB = "-2+3+cmd";

const cells = (csv: string) => parse(csv, { relax_column_count: true }) as string[][];
const column = (csv: string, header: string) => {
  const [head, ...rows] = cells(csv);
  const index = head!.indexOf(header);
  expect(index, header).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row[index]!);
};

async function accountsFromEverySource() {
  const admin = await createUser("ADMIN");
  const ae = await createUser("AE", { email: "ae@example.test" });
  await createProduct({ name: "Renewal Hub" });
  const token = await tokenFor(admin);
  const base = { segment: "MID_MARKET", industry: "Software", region: "NA", timezone: "America/New_York", primaryLanguage: "English" };
  expect((await call(putAccount, { token, method: "PUT", params: { externalId: "F-API" }, body: { ...base, name: FROM_API } })).status).toBe(200);
  const header = "external_id,name,segment,industry,region,timezone,primary_language,strategic,needs_onsite,health_score,usage_pct,expansion_potential,csm_email";
  const file = `${header}\nF-CSV,"${FROM_CSV}",Mid-Market,Software,NA,America/New_York,English,,,,,,\n`;
  expect((await runImport(admin, { kind: "accounts", source: textSource(file), fileName: "accounts.csv" })).issues).toEqual([]);
  const event = {
    id: "evt-formula",
    type: "deal.closed_won",
    data: {
      account: { ...base, externalId: "F-HOOK", name: FROM_WEBHOOK },
      deal: { externalId: "F-HOOK-D", name: "=1+1", type: "NEW", amount: "1000.00", termMonths: 12, closeDate: "2026-03-02", products: ["Renewal Hub"], ownerEmail: "ae@example.test" },
    },
  };
  const raw = JSON.stringify(event);
  const delivered = await webhook(new Request("http://localhost/api/webhooks/crm", { method: "POST", headers: { "x-baton-signature": signatureHeader(env().CRM_WEBHOOK_SECRET!, raw) }, body: raw }));
  expect(delivered.status).toBe(200);
  const tabbed = await createAccount({ name: FROM_TAB });
  return { admin, ae, tabbed };
}

describe("CSV exports escape formula cells", () => {
  it("the admin exports write formula-like names as text and import back unchanged", async () => {
    const { admin } = await accountsFromEverySource();
    const exported = await exportCsvText(admin, "accounts");
    expect(column(exported, "name").sort()).toEqual([`'${FROM_TAB}`, `'${FROM_CSV}`, `'${FROM_API}`, `'${FROM_WEBHOOK}`].sort());
    expect(column(await exportCsvText(admin, "deals"), "name")).toEqual(["'=1+1"]);

    await prisma.account.updateMany({ data: { name: "changed" } });
    const reimport = await runImport(admin, { kind: "accounts", source: textSource(exported), fileName: "accounts.csv" });
    expect(reimport.issues).toEqual([]);
    expect((await prisma.account.findMany({ select: { name: true } })).map((a) => a.name).sort()).toEqual([FROM_TAB, FROM_CSV, FROM_API, FROM_WEBHOOK].sort());
  });

  it("the renewals export escapes the account and renewal names; money and negative numbers stay numbers", async () => {
    const { admin, ae } = await accountsFromEverySource();
    const account = await prisma.account.findUniqueOrThrow({ where: { externalId: "F-API" } });
    const won = await deal(account.id, ae.id, { stage: "CLOSED_WON", closeDate: "2026-01-15", amountCents: 123_456n });
    await renewalFor(won.id);
    const csv = renewalsCsv(await listAllRenewals(admin, renewalListParams.parse({})));
    const accountNames = column(csv, "account");
    expect(accountNames).toContain(`'${FROM_API}`);
    expect(accountNames).toContain(`'${FROM_WEBHOOK}`);
    expect(accountNames.length).toBeGreaterThanOrEqual(2);
    expect(accountNames.every((name) => !/^[=+\-@\t\r]/.test(name))).toBe(true);
    expect(column(csv, "arr")).toContain("1234.56");
  });

  it("the dashboard export escapes text cells and leaves negative money as numbers", async () => {
    const { tabbed } = await accountsFromEverySource();
    const leader = await createUser("LEADERSHIP");
    const api = await prisma.account.findUniqueOrThrow({ where: { externalId: "F-API" } });
    await movements(api.id, [["2025-06-01", "NEW", 100_000n], ["2026-03-01", "CONTRACTION", 25_050n]]);
    await movements(tabbed.id, [["2025-06-01", "NEW", 50_000n]]);
    await prisma.account.update({ where: { id: api.id }, data: { arrCents: 74_950n } });
    await prisma.account.update({ where: { id: tabbed.id }, data: { arrCents: 50_000n } });
    const file = await dashboardCsv(leader, "retention-accounts", drillParams.parse({ period: "custom", from: "2026-01", to: "2026-12", perPage: "200" }));
    expect(column(file.body, "Account").sort()).toEqual([`'${FROM_TAB}`, `'${FROM_API}`].sort());
    expect(column(file.body, "Change (USD)")).toContain("-250.50");
    expect(DEFAULT_SETTINGS).toBeDefined();
  });
});
