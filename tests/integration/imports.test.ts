import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { runImport } from "@/lib/server/imports/run-import";
import { getImportRun, importRunListParams, listImportRuns } from "@/lib/server/imports/import-runs";
import { fileSource, textSource } from "@/lib/server/imports/csv-reader";
import { IMPORT_KINDS, type ImportKind } from "@/lib/imports/formats";
import { createCsm, createUser } from "./support/fixtures";

async function importCsv(kind: ImportKind, text: string, options: { batchSize?: number; bulk?: boolean } = {}) {
  const admin = await prisma.user.findFirst({ where: { role: "ADMIN" }, select: { id: true, email: true, name: true, role: true, managerId: true } });
  const actor = admin ?? (await createUser("ADMIN"));
  return runImport(actor, { kind, source: textSource(text), fileName: `${kind}.csv`, ...options });
}

const PRODUCTS = `name,technical
Renewal Hub,false
Data Bridge,true
Broken,maybe
`;

async function seedProducts() {
  await importCsv("products", "name,technical\nRenewal Hub,false\nData Bridge,true\n");
}

describe("products.csv", () => {
  it("imports good rows, reports the bad one with line, field and reason, and updates by name on re-import", async () => {
    const first = await importCsv("products", PRODUCTS);
    expect(first).toMatchObject({ status: "DONE", totalRows: 3, okRows: 2, errorRows: 1 });
    expect(first.issues).toEqual([{ line: 4, field: "technical", reason: "must be true or false" }]);
    expect(await prisma.product.findMany({ orderBy: { name: "asc" }, select: { name: true, technical: true } })).toEqual([
      { name: "Data Bridge", technical: true },
      { name: "Renewal Hub", technical: false },
    ]);

    const second = await importCsv("products", "name,technical\nRenewal Hub,true\n");
    expect(second).toMatchObject({ okRows: 1, errorRows: 0 });
    expect(await prisma.product.count()).toBe(2);
    expect((await prisma.product.findUniqueOrThrow({ where: { name: "Renewal Hub" } })).technical).toBe(true);
    const run = await prisma.importRun.findUniqueOrThrow({ where: { id: second.runId } });
    expect(run).toMatchObject({ status: "DONE", totalRows: 1, doneRows: 1, okRows: 1, errorRows: 0 });

    // What the admin page shows: the runs newest first, and each run's report.
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true, name: true, role: true, managerId: true } });
    const runs = await listImportRuns(admin, importRunListParams.parse({}));
    expect(runs.data.map((r) => [r.id, r.okRows, r.errorRows])).toEqual([[second.runId, 1, 0], [first.runId, 2, 1]]);
    expect((await getImportRun(admin, first.runId)).issues).toEqual([{ line: 4, field: "technical", reason: "must be true or false" }]);
    await expect(getImportRun(await createUser("CSM"), first.runId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("fails the whole file when a column is missing, writing nothing", async () => {
    const result = await importCsv("products", "name\nRenewal Hub\n");
    expect(result.status).toBe("FAILED");
    expect(result.issues).toEqual([{ line: 1, field: "header", reason: "missing column: technical" }]);
    expect(await prisma.product.count()).toBe(0);
  });
});

describe("csms.csv", () => {
  const HEADER = "email,name,tier,max_accounts,max_arr,segments,industries,products,certifications,region,timezone,languages,nps,retention_rate,manager_email\n";

  it("creates the CSM user and profile with products, certifications and manager; refuses unknown references", async () => {
    await seedProducts();
    const manager = await createUser("CS_MANAGER", { email: "lead@example.test" });
    const csv =
      HEADER +
      "ana@example.test,Ana Ruiz,Mid-Market,40,2000000.00,Mid-Market;Scale,Software;Retail,Renewal Hub,Data Bridge,NA,America/Chicago,English;Spanish,42.5,93.25,lead@example.test\n" +
      "bo@example.test,Bo Lee,Enterprise,,,Enterprise,,Nope,,EMEA,Europe/London,English,,,\n" +
      "cy@example.test,Cy Day,Giant,10,1.00,,,,,NA,America/New_York,,,,\n" +
      "di@example.test,Di Fox,Scale,,,,,,,APAC,Mars/Base,,,,nobody@example.test\n" +
      "ed@example.test,Ed Kim,Enterprise,,,,,,,EMEA,Europe/Paris,French,,,\n";
    const result = await importCsv("csms", csv);
    expect(result).toMatchObject({ status: "DONE", totalRows: 5, okRows: 2, errorRows: 3 });
    expect(result.issues).toEqual([
      { line: 3, field: "products", reason: "unknown product: Nope" },
      { line: 4, field: "tier", reason: "must be one of Enterprise, Mid-Market, Scale" },
      { line: 5, field: "timezone", reason: "must be an IANA time zone such as America/New_York" },
    ]);
    const ana = await prisma.user.findUniqueOrThrow({
      where: { email: "ana@example.test" },
      include: { csmProfile: { include: { productExpertise: { include: { product: true } }, certifications: { include: { product: true } } } } },
    });
    expect(ana).toMatchObject({ role: "CSM", name: "Ana Ruiz", managerId: manager.id });
    expect(ana.csmProfile).toMatchObject({
      tier: "MID_MARKET",
      maxAccounts: 40,
      maxArrCents: 200_000_000n,
      segments: ["MID_MARKET", "SCALE"],
      industries: ["Software", "Retail"],
      timezone: "America/Chicago",
      languages: ["English", "Spanish"],
    });
    expect(ana.csmProfile?.npsScore.toString()).toBe("42.5");
    expect(ana.csmProfile?.retentionRate.toString()).toBe("93.25");
    expect(ana.csmProfile?.productExpertise.map((e) => e.product.name)).toEqual(["Renewal Hub"]);
    expect(ana.csmProfile?.certifications.map((c) => c.product.name)).toEqual(["Data Bridge"]);
    // Empty limits take the tier's defaults from the rule settings.
    const ed = await prisma.csmProfile.findFirstOrThrow({ where: { user: { email: "ed@example.test" } } });
    expect(ed).toMatchObject({ tier: "ENTERPRISE", maxAccounts: 15, maxArrCents: 500_000_000n });
    expect(await prisma.user.count({ where: { email: { in: ["bo@example.test", "cy@example.test", "di@example.test"] } } })).toBe(0);
  });

  it("refuses an e-mail that belongs to a user who is not a CSM", async () => {
    await createUser("AE", { email: "ae@example.test" });
    const result = await importCsv("csms", HEADER + "ae@example.test,Al Ex,Scale,,,,,,,NA,America/New_York,,,,\n");
    expect(result.issues).toEqual([{ line: 2, field: "email", reason: "ae@example.test is a Account executive, not a CSM" }]);
    expect(await prisma.csmProfile.count()).toBe(0);
  });
});

const ACCOUNT_HEADER = "external_id,name,segment,industry,region,timezone,primary_language,strategic,needs_onsite,health_score,usage_pct,expansion_potential,csm_email\n";

// Accounts and deals have a bulk path for big files; both paths must give the same rows.
describe.each([{ bulk: true }, { bulk: false }])("accounts.csv (bulk: $bulk)", ({ bulk }) => {
  it("imports and re-imports by external id, keeping what an empty cell does not give", async () => {
    const csm = await createCsm();
    const first = await importCsv(
      "accounts",
      ACCOUNT_HEADER +
        `A-1,Acme,Enterprise,Software,NA,America/New_York,English,true,false,82,64.5,120000.50,${csm.email}\n` +
        "A-2,Beta,Scale,Retail,EMEA,Europe/Berlin,German,,,,,,\n" +
        "A-3,Gamma,Mid-Market,Retail,EMEA,Europe/Berlin,German,yes,,101,,12.345,\n" +
        "A-4,Delta,Mid-Market,Retail,EMEA,Europe/Berlin,German,,,,,,ghost@example.test\n",
      { bulk },
    );
    expect(first).toMatchObject({ okRows: 2, errorRows: 2 });
    expect(first.issues).toEqual([
      { line: 4, field: "strategic", reason: "must be true or false" },
      { line: 4, field: "health_score", reason: "must be at most 100" },
      { line: 4, field: "expansion_potential", reason: "must be dollars with up to 2 decimals, e.g. 1234.56" },
      { line: 5, field: "csm_email", reason: "no user with the e-mail ghost@example.test" },
    ]);
    const acme = await prisma.account.findUniqueOrThrow({ where: { externalId: "A-1" } });
    expect(acme).toMatchObject({ name: "Acme", segment: "ENTERPRISE", strategic: true, healthScore: 82, expansionPotentialCents: 12_000_050n, csmId: csm.id });
    expect(acme.usagePct.toString()).toBe("64.5");
    expect(await prisma.account.findUniqueOrThrow({ where: { externalId: "A-2" } })).toMatchObject({ strategic: false, healthScore: 70, csmId: null });

    const other = await createCsm();
    const second = await importCsv("accounts", ACCOUNT_HEADER + `A-1,Acme Corp,Enterprise,Software,NA,America/New_York,English,,,,55.25,,\nA-2,Beta,Scale,Retail,EMEA,Europe/Berlin,German,true,,,,,${other.email}\n`, { bulk });
    expect(second).toMatchObject({ okRows: 2, errorRows: 0 });
    expect(await prisma.account.count()).toBe(2);
    const updated = await prisma.account.findUniqueOrThrow({ where: { externalId: "A-1" } });
    expect(updated).toMatchObject({ name: "Acme Corp", strategic: true, healthScore: 82, expansionPotentialCents: 12_000_050n, csmId: csm.id });
    expect(updated.usagePct.toString()).toBe("55.25");
    expect(updated.csmAssignedAt).toEqual(acme.csmAssignedAt);
    expect(await prisma.account.findUniqueOrThrow({ where: { externalId: "A-2" } })).toMatchObject({ strategic: true, csmId: other.id });
  });
});

async function seedAccount(externalId = "A-1") {
  await importCsv("accounts", ACCOUNT_HEADER + `${externalId},Acme,Mid-Market,Software,NA,America/New_York,English,false,false,70,0,0,\n`);
  return prisma.account.findUniqueOrThrow({ where: { externalId } });
}

describe("contacts.csv", () => {
  it("upserts contacts by account and e-mail and refuses unknown accounts and roles", async () => {
    const account = await seedAccount();
    const header = "account_external_id,name,title,role,email,priority,notes\n";
    const result = await importCsv(
      "contacts",
      header +
        "A-1,Ana Ruiz,VP Ops,Champion,ana@customer.test,high,\"Likes data; prefers e-mail\"\n" +
        "A-1,Ben Ode,CFO,Economic buyer,ben@customer.test,,\n" +
        "A-9,Cat Ng,CTO,technical_lead,cat@customer.test,low,\n" +
        "A-1,Dan Oz,CTO,wizard,not-an-email,low,\n",
    );
    expect(result).toMatchObject({ okRows: 2, errorRows: 2 });
    expect(result.issues).toEqual([
      { line: 4, field: "account_external_id", reason: "no account with the external id A-9" },
      { line: 5, field: "role", reason: "must be one of champion, economic_buyer, executive_sponsor, technical_lead, user, other" },
      { line: 5, field: "email", reason: "must be an e-mail address" },
    ]);
    const contacts = await prisma.contact.findMany({ where: { accountId: account.id }, orderBy: { email: "asc" } });
    expect(contacts.map((c) => [c.email, c.role, c.priority, c.notes])).toEqual([
      ["ana@customer.test", "CHAMPION", "HIGH", "Likes data; prefers e-mail"],
      ["ben@customer.test", "ECONOMIC_BUYER", "MEDIUM", ""],
    ]);
    await importCsv("contacts", header + "A-1,Ana Ruiz,COO,champion,ana@customer.test,low,\n");
    expect(await prisma.contact.count()).toBe(2);
    expect(await prisma.contact.findFirstOrThrow({ where: { email: "ana@customer.test" } })).toMatchObject({ title: "COO", priority: "LOW" });
  });
});

const DEAL_HEADER =
  "external_id,account_external_id,name,type,stage,amount,term_months,close_date,contract_start,products,owner_email,win_reason,competitor,pain_points,risks,technical_requirements,integrations\n";

describe.each([{ bulk: true }, { bulk: false }])("deals.csv (bulk: $bulk)", ({ bulk }) => {
  it("imports deals with exact money, dates and lists, and reports bad rows", async () => {
    await seedProducts();
    await seedAccount();
    const ae = await createUser("AE", { email: "ae@example.test" });
    const result = await importCsv(
      "deals",
      DEAL_HEADER +
        "D-1,A-1,Acme expansion,new,negotiation,60000.10,12,2026-11-20,2026-12-01,Renewal Hub;Data Bridge,ae@example.test,Price,Gainsight,Late renewals;No health view,New champion,SSO,Salesforce;Slack\n" +
        "D-2,A-1,Bad money,new,negotiation,60000.105,12,2026-11-20,,,ae@example.test,,,,,,\n" +
        "D-3,A-1,Bad date,new,negotiation,100,12,2026-02-30,,,ae@example.test,,,,,,\n" +
        "D-4,A-1,Bad owner,new,negotiation,100,12,2026-02-01,,Nope,nobody@example.test,,,,,,\n",
      { bulk },
    );
    expect(result).toMatchObject({ okRows: 1, errorRows: 3 });
    expect(result.issues).toEqual([
      { line: 3, field: "amount", reason: "must be dollars with up to 2 decimals, e.g. 1234.56" },
      { line: 4, field: "close_date", reason: "is not a real date" },
      { line: 5, field: "owner_email", reason: "no user with the e-mail nobody@example.test" },
      { line: 5, field: "products", reason: "unknown product: Nope" },
    ]);
    const deal = await prisma.deal.findUniqueOrThrow({ where: { externalId: "D-1" }, include: { products: { include: { product: true } } } });
    expect(deal).toMatchObject({
      amountCents: 6_000_010n,
      termMonths: 12,
      closeDate: new Date("2026-11-20T00:00:00Z"),
      contractStart: new Date("2026-12-01T00:00:00Z"),
      ownerId: ae.id,
      painPoints: ["Late renewals", "No health view"],
      integrations: ["Salesforce", "Slack"],
      stage: "NEGOTIATION",
    });
    expect(deal.products.map((p) => p.product.name).sort()).toEqual(["Data Bridge", "Renewal Hub"]);
    expect(await prisma.handoff.count()).toBe(0);
    // The owner of a new customer's deal becomes the account's AE.
    expect((await prisma.account.findUniqueOrThrow({ where: { externalId: "A-1" } })).aeId).toBe(ae.id);

    const again = await importCsv(
      "deals",
      DEAL_HEADER + "D-1,A-1,Acme expansion,new,proposal,70000.00,24,2026-11-20,,Data Bridge,ae@example.test,Price,,Late renewals,,,\n",
      { bulk },
    );
    expect(again).toMatchObject({ okRows: 1, errorRows: 0 });
    const updated = await prisma.deal.findUniqueOrThrow({ where: { externalId: "D-1" }, include: { products: { include: { product: true } } } });
    expect(updated).toMatchObject({ stage: "PROPOSAL", amountCents: 7_000_000n, termMonths: 24, contractStart: null, competitor: "", painPoints: ["Late renewals"], integrations: [] });
    expect(updated.products.map((p) => p.product.name)).toEqual(["Data Bridge"]);
    expect(await prisma.deal.count()).toBe(1);
  });

  it("runs the closed-won flow once for a closed_won deal, even when the file is imported twice", async () => {
    await seedProducts();
    await seedAccount();
    await createUser("AE", { email: "ae@example.test" });
    const csv = DEAL_HEADER + "D-1,A-1,Acme new,new,closed_won,60000.00,12,2026-11-20,,Renewal Hub,ae@example.test,,,,,,\n";
    await importCsv("deals", csv, { bulk });
    const again = await importCsv("deals", csv, { bulk });
    expect(again).toMatchObject({ okRows: 1, errorRows: 0 });
    const deal = await prisma.deal.findUniqueOrThrow({ where: { externalId: "D-1" } });
    expect(deal.stage).toBe("CLOSED_WON");
    expect(deal.closedWonAt).not.toBeNull();
    // The close date the CRM sent is kept.
    expect(deal.closeDate).toEqual(new Date("2026-11-20T00:00:00Z"));
    expect(await prisma.handoff.count({ where: { dealId: deal.id } })).toBe(1);
    const renewals = await prisma.renewalOpportunity.findMany({ where: { originalDealId: deal.id } });
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ amountCents: 6_000_000n, renewalDate: new Date("2027-11-20T00:00:00Z") });
    const audits = await prisma.auditEvent.findMany({ where: { action: "deal.closed_won", entityId: deal.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.data).toMatchObject({ via: "import" });

    // Once closed-won in Baton, a file cannot reopen it; the row is reported and nothing changes.
    const reopen = await importCsv("deals", csv.replace("closed_won", "negotiation"), { bulk });
    expect(reopen.issues).toEqual([{ line: 2, field: "stage", reason: "the deal is closed-won in Baton and cannot move back to negotiation" }]);
    expect((await prisma.deal.findUniqueOrThrow({ where: { externalId: "D-1" } })).stage).toBe("CLOSED_WON");
  });
});

describe("arr_movements.csv", () => {
  const header = "account_external_id,date,type,amount\n";

  it("keeps Account.arrCents equal to the movements, refuses a churn that does not end the ARR, and adds nothing on re-import", async () => {
    const account = await seedAccount();
    const csv =
      header +
      "A-1,2025-01-15,new,100000.00\n" +
      "A-1,2025-06-01,expansion,20000.50\n" +
      "A-1,2025-09-01,contraction,5000.50\n" +
      "A-1,2026-01-15,renewal,115000.00\n" +
      "A-1,2026-02-01,churn,1.00\n" +
      "A-7,2026-02-01,new,10.00\n" +
      "A-1,2026-03-01,refund,10.00\n";
    // Small batches, so the refused churn is found while writing and its batch replayed row by row.
    const result = await importCsv("arr_movements", csv, { batchSize: 3 });
    expect(result).toMatchObject({ status: "DONE", totalRows: 7, okRows: 4, errorRows: 3 });
    expect(result.issues).toEqual([
      { line: 6, field: "amount", reason: "a churn takes ARR to zero: it must be the account's ARR on 2026-02-01, 115000.00" },
      { line: 7, field: "account_external_id", reason: "no account with the external id A-7" },
      { line: 8, field: "type", reason: "must be one of new, expansion, contraction, churn, renewal" },
    ]);
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).arrCents).toBe(11_500_000n);
    expect(await prisma.arrMovement.count()).toBe(4);

    const again = await importCsv("arr_movements", csv.replace("churn,1.00", "churn,115000.00"));
    expect(again).toMatchObject({ okRows: 5, errorRows: 2 });
    expect(await prisma.arrMovement.count()).toBe(5);
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).arrCents).toBe(0n);
  });
});

describe("the example files in examples/imports", () => {
  it("import in order without a refused row, the closed_won deal running the flow", async () => {
    await createUser("AE", { email: "ae@baton.test" });
    await createUser("CS_MANAGER", { email: "manager@baton.test" });
    const admin = await createUser("ADMIN");
    for (const kind of IMPORT_KINDS) {
      const result = await runImport(admin, { kind, source: fileSource(`examples/imports/${kind}.csv`), fileName: `${kind}.csv` });
      expect(result, kind).toMatchObject({ status: "DONE", errorRows: 0 });
      expect(result.okRows, kind).toBeGreaterThan(0);
    }
    expect(await prisma.handoff.count()).toBe(1);
    expect((await prisma.account.findUniqueOrThrow({ where: { externalId: "EX-ACC-3" } })).arrCents).toBe(960_050n);
    expect((await prisma.account.findUniqueOrThrow({ where: { externalId: "EX-ACC-3" } })).name).toBe("Initech, Ltd.");
  });
});
