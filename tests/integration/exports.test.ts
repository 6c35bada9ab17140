import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { exportCsvText } from "@/lib/server/exports/export-csv";
import { runImport } from "@/lib/server/imports/run-import";
import { textSource } from "@/lib/server/imports/csv-reader";
import { IMPORT_KINDS, type ImportKind } from "@/lib/imports/formats";
import { createUser } from "./support/fixtures";

const FILES: Record<ImportKind, string> = {
  products: "name,technical\nRenewal Hub,false\nData Bridge,true\n",
  csms:
    "email,name,tier,max_accounts,max_arr,segments,industries,products,certifications,region,timezone,languages,nps,retention_rate,manager_email\n" +
    "ana@example.test,Ana Ruiz,Mid-Market,40,2000000.00,Mid-Market;Scale,Software;Retail,Renewal Hub;Data Bridge,Data Bridge,NA,America/Chicago,English;Spanish,42.5,93.25,lead@example.test\n",
  accounts:
    "external_id,name,segment,industry,region,timezone,primary_language,strategic,needs_onsite,health_score,usage_pct,expansion_potential,csm_email\n" +
    'A-1,"Acme, Inc.",Mid-Market,Software,NA,America/New_York,English,true,false,82,64.5,120000.50,ana@example.test\n' +
    "A-2,Beta,Scale,Retail,EMEA,Europe/Berlin,German,false,true,70,0,0,\n",
  contacts:
    "account_external_id,name,title,role,email,priority,notes\n" +
    'A-1,Ana Ruiz,VP Ops,champion,ana@customer.test,high,"Says ""yes""; likes data"\n' +
    "A-2,Ben Ode,CFO,economic_buyer,ben@customer.test,medium,\n",
  deals:
    "external_id,account_external_id,name,type,stage,amount,term_months,close_date,contract_start,products,owner_email,win_reason,competitor,pain_points,risks,technical_requirements,integrations\n" +
    "D-1,A-1,Acme new,new,closed_won,60000.10,12,2026-11-20,2026-12-01,Renewal Hub;Data Bridge,ae@example.test,Price,Gainsight,Late renewals;No health view,New champion,SSO,Salesforce\n" +
    "D-2,A-2,Beta new,new,negotiation,12000.00,24,2026-12-15,,Renewal Hub,ae@example.test,,,,,,\n",
  arr_movements:
    "account_external_id,date,type,amount\n" +
    "A-2,2025-01-15,new,100000.00\n" +
    "A-2,2025-06-01,expansion,20000.50\n" +
    "A-2,2026-01-15,renewal,120000.50\n",
};

async function importAll(admin: Awaited<ReturnType<typeof createUser>>, files: Record<ImportKind, string>) {
  for (const kind of IMPORT_KINDS) {
    const result = await runImport(admin, { kind, source: textSource(files[kind]), fileName: `${kind}.csv` });
    expect(result.issues, kind).toEqual([]);
  }
}

/** Every row Baton keeps for these records, without the update timestamps. */
async function snapshot() {
  const omit = { updatedAt: true } as const;
  return {
    products: await prisma.product.findMany({ orderBy: { id: "asc" } }),
    users: await prisma.user.findMany({ orderBy: { id: "asc" }, omit }),
    profiles: await prisma.csmProfile.findMany({ orderBy: { id: "asc" }, omit, include: { productExpertise: true, certifications: true } }),
    accounts: await prisma.account.findMany({ orderBy: { id: "asc" }, omit }),
    contacts: await prisma.contact.findMany({ orderBy: { id: "asc" }, omit }),
    deals: await prisma.deal.findMany({ orderBy: { id: "asc" }, omit, include: { products: { orderBy: { productId: "asc" } } } }),
    movements: await prisma.arrMovement.findMany({ orderBy: { id: "asc" } }),
    handoffs: await prisma.handoff.findMany({ orderBy: { id: "asc" }, omit }),
    renewals: await prisma.renewalOpportunity.findMany({ orderBy: { id: "asc" }, omit }),
    touchpoints: await prisma.touchpoint.findMany({ orderBy: { id: "asc" } }),
    flowAudits: await prisma.auditEvent.count({ where: { NOT: { action: "import.finished" } } }),
  };
}

describe("CSV export", () => {
  it("round-trips: importing an export changes nothing, and exporting again gives the same files", async () => {
    const admin = await createUser("ADMIN");
    await createUser("CS_MANAGER", { email: "lead@example.test" });
    await createUser("AE", { email: "ae@example.test" });
    await importAll(admin, FILES);

    const exported = {} as Record<ImportKind, string>;
    for (const kind of IMPORT_KINDS) exported[kind] = await exportCsvText(admin, kind);
    // The export is the import format: same header, same cells (money with 2 decimals, lists with `;`).
    // …with the optional columns added since the format was published (a file may leave them out).
    expect(exported.deals.split("\n")[0]).toBe(`${FILES.deals.split("\n")[0]},closed_at,auto_renew,notice_days,uplift_pct`);
    // Imported already won with no closed_at: the clock started at the end of its close date in New York.
    expect(exported.deals).toContain("D-1,A-1,Acme new,new,closed_won,60000.10,12,2026-11-20,2026-12-01,Data Bridge;Renewal Hub,ae@example.test,Price,Gainsight,Late renewals;No health view,New champion,SSO,Salesforce,2026-11-21T04:59:59.999Z");
    expect(exported.accounts).toContain('A-1,"Acme, Inc.",Mid-Market,Software,NA,America/New_York,English,true,false,82,64.5,120000.50,ana@example.test');
    expect(exported.contacts).toContain('A-1,Ana Ruiz,VP Ops,champion,ana@customer.test,high,"Says ""yes""; likes data"');
    expect(exported.csms).toContain(
      "ana@example.test,Ana Ruiz,Mid-Market,40,2000000.00,Mid-Market;Scale,Software;Retail,Data Bridge;Renewal Hub,Data Bridge,NA,America/Chicago,English;Spanish,42.5,93.25,lead@example.test",
    );
    // Billing's three rows of A-2, and D-1's own NEW movement written by the closed-won flow, naming its deal.
    expect(exported.arr_movements.trim().split("\n")).toEqual([
      "account_external_id,date,type,amount,deal_external_id,reason",
      "A-1,2026-12-01,new,60000.10,D-1,",
      "A-2,2025-01-15,new,100000.00,,",
      "A-2,2025-06-01,expansion,20000.50,,",
      "A-2,2026-01-15,renewal,120000.50,,",
    ]);

    const before = await snapshot();
    expect(before.handoffs).toHaveLength(1);
    expect(before.renewals).toHaveLength(1);
    await importAll(admin, exported);
    expect(await snapshot()).toEqual(before);
    for (const kind of IMPORT_KINDS) expect(await exportCsvText(admin, kind), kind).toBe(exported[kind]);
  });

  it("exports renewals and touchpoints in their documented columns, and only to admins", async () => {
    const admin = await createUser("ADMIN");
    await createUser("CS_MANAGER", { email: "lead@example.test" });
    await createUser("AE", { email: "ae@example.test" });
    await importAll(admin, FILES);

    const renewals = (await exportCsvText(admin, "renewals")).trim().split("\n");
    expect(renewals).toEqual([
      "original_deal_external_id,account_external_id,name,stage,amount,renewal_date,original_close_date,contract_term_months,products,csm_email,closed_amount,closed_at",
      expect.stringMatching(/^D-1,A-1,.+,renewal_pending,60000\.10,2027-12-01,2026-11-20,12,Data Bridge;Renewal Hub,ana@example\.test,,$/),
    ]);
    const touchpoints = (await exportCsvText(admin, "touchpoints")).trim().split("\n");
    expect(touchpoints[0]).toBe("account_external_id,deal_external_id,renewal_deal_external_id,type,due_date,rule_date,asap,status,owner_email,ae_invited,completed_at,notes");
    expect(touchpoints.slice(1).some((line) => /^A-1,D-1,,qbr,\d{4}-\d{2}-\d{2},2027-02-18,false,planned,.*,true,,$/.test(line))).toBe(true);

    const csm = await createUser("CSM");
    await expect(exportCsvText(csm, "accounts")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
