import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as getRenewal } from "@/app/api/v1/renewals/[id]/route";
import { PUT as putDeal } from "@/app/api/v1/deals/[externalId]/route";
import { PUT as putTerms } from "@/app/api/v1/renewals/[id]/terms/route";
import { addCalendarDays } from "@/lib/calendar/company-day";
import { parseIsoDate } from "@/lib/dates";
import { textSource } from "@/lib/server/imports/csv-reader";
import { runImport } from "@/lib/server/imports/run-import";
import { exportCsvText } from "@/lib/server/exports/export-csv";
import { setForecast } from "@/lib/server/forecast/set-forecast";
import { stopBoss } from "@/lib/server/jobs/boss";
import { sendRenewalAlerts } from "@/lib/server/jobs/handlers/renewal-alerts";
import { call, tokenFor } from "./support/api";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

// Contract terms (issue 12 §2) through the importer, the API and the renewal alerts.

const NOW = new Date("2026-11-23T15:00:00Z");
const TODAY = parseIsoDate("2026-11-23");

afterAll(async () => {
  await stopBoss();
});

const HEADER = "external_id,account_external_id,name,type,stage,amount,term_months,close_date,contract_start,products,owner_email,win_reason,competitor,pain_points,risks,technical_requirements,integrations";

describe("contract terms", () => {
  it("imports auto_renew, notice_days and uplift_pct onto the deal's renewal, and an empty cell keeps them", async () => {
    const admin = await createUser("ADMIN");
    await createUser("AE", { email: "ae-terms@example.test" });
    await createAccount({ name: "Terms Co" }).then((a) => prisma.account.update({ where: { id: a.id }, data: { externalId: "T-1" } }));
    const file = (terms: string) => `${HEADER},auto_renew,notice_days,uplift_pct\nTD-1,T-1,Terms new,new,closed_won,100000.00,12,2026-11-20,2026-12-01,,ae-terms@example.test,,,,,,,${terms}\n`;
    const first = await runImport(admin, { kind: "deals", source: textSource(file("true,60,5.5")), fileName: "deals.csv" });
    expect(first.issues).toEqual([]);
    const renewal = await prisma.renewalOpportunity.findFirstOrThrow({ where: { originalDeal: { externalId: "TD-1" } } });
    expect({ autoRenew: renewal.autoRenew, noticeDays: renewal.noticeDays, upliftPct: renewal.upliftPct.toString() }).toEqual({ autoRenew: true, noticeDays: 60, upliftPct: "5.5" });

    await runImport(admin, { kind: "deals", source: textSource(file(",,")), fileName: "deals.csv" });
    const kept = await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: renewal.id } });
    expect({ autoRenew: kept.autoRenew, noticeDays: kept.noticeDays, upliftPct: kept.upliftPct.toString() }).toEqual({ autoRenew: true, noticeDays: 60, upliftPct: "5.5" });

    const bad = await runImport(admin, { kind: "deals", source: textSource(file("maybe,400,120")), fileName: "deals.csv" });
    expect(bad.issues.map((issue) => issue.field).sort()).toEqual(["auto_renew", "notice_days", "uplift_pct"]);

    // The export writes them back, so the file imports back unchanged.
    const exported = await exportCsvText(admin, "deals");
    expect(exported.split("\n")[1]).toMatch(/,true,60,5\.5$/);
  });

  it("takes the terms in the API's deal upsert and shows them, the decision date and the forecast on a renewal", async () => {
    const admin = await createUser("ADMIN");
    const ae = await createUser("AE", { email: "ae-api-terms@example.test" });
    const csm = await createUser("CSM");
    const account = await createAccount({ name: "Api Terms Co", csmId: csm.id, aeId: ae.id });
    await prisma.account.update({ where: { id: account.id }, data: { externalId: "AT-1" } });
    const token = await tokenFor(admin);
    const put = await call(putDeal, {
      token,
      method: "PUT",
      params: { externalId: "ATD-1" },
      body: { accountExternalId: "AT-1", name: "Api terms", type: "NEW", stage: "CLOSED_WON", amount: "50000.00", termMonths: 12, closeDate: "2026-11-20", contractStart: "2026-12-01", ownerEmail: ae.email, autoRenew: false, noticeDays: 30, upliftPct: 3 },
    });
    expect(put.status).toBe(200);
    const renewal = await prisma.renewalOpportunity.findFirstOrThrow({ where: { originalDeal: { externalId: "ATD-1" } } });
    await setForecast(csm, { renewalId: renewal.id, category: "BEST_CASE", amount: "51500", outcome: "FLAT" }, NOW);
    const got = await call(getRenewal, { token, params: { id: renewal.id } });
    expect(got.status).toBe(200);
    // Renewal 2027-12-01 with 30 days' notice: decide by 2027-11-01.
    expect(got.body).toMatchObject({ renewalDate: "2027-12-01", autoRenew: false, noticeDays: 30, upliftPct: "3", decisionDate: "2027-11-01", forecast: { category: "BEST_CASE", amount: "51500.00", outcome: "FLAT", overridden: false } });

    const invalid = await call(putDeal, {
      token,
      method: "PUT",
      params: { externalId: "ATD-2" },
      body: { accountExternalId: "AT-1", name: "Api terms", type: "NEW", stage: "NEGOTIATION", amount: "50000.00", termMonths: 12, closeDate: "2026-11-20", ownerEmail: ae.email, noticeDays: -1 },
    });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(invalid.body)).toContain("noticeDays");
  });

  it("sets an open renewal's terms through PUT /renewals/{id}/terms with the page's roles, audited", async () => {
    const ae = await createUser("AE");
    const csm = await createUser("CSM");
    const otherCsm = await createUser("CSM");
    const account = await createAccount({ csmId: csm.id, aeId: ae.id });
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: parseIsoDate("2027-06-30") });
    const terms = (token: string, body: unknown, id = renewal.id) => call(putTerms, { token, method: "PUT", params: { id }, body });

    const set = await terms(await tokenFor(csm), { autoRenew: true, noticeDays: 90, upliftPct: 7.25 });
    expect(set.status).toBe(200);
    // 2027-06-30 less 90 days' notice: decide by 2027-04-01.
    expect(set.body).toMatchObject({ id: renewal.id, autoRenew: true, noticeDays: 90, upliftPct: "7.25", decisionDate: "2027-04-01" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "renewal.terms_changed", entityId: renewal.id } });
    expect(audit.actorId).toBe(csm.id);
    expect(audit.data).toMatchObject({ from: { autoRenew: false, noticeDays: null }, to: { autoRenew: true, noticeDays: 90, upliftPct: 7.25 } });

    // 0 days' notice clears it: the decision date is the renewal date again.
    const cleared = await terms(await tokenFor(csm), { autoRenew: false, noticeDays: 0, upliftPct: 0 });
    expect(cleared.body).toMatchObject({ noticeDays: null, upliftPct: "0", decisionDate: "2027-06-30" });

    // Another CSM's token does not see the renewal; an AE's is refused; bad input names the field; nothing changed.
    expect((await terms(await tokenFor(otherCsm), { autoRenew: true, noticeDays: 30, upliftPct: 0 })).status).toBe(404);
    expect((await terms(await tokenFor(ae), { autoRenew: true, noticeDays: 30, upliftPct: 0 })).status).toBe(403);
    const invalid = await terms(await tokenFor(csm), { autoRenew: true, noticeDays: 400, upliftPct: 0 });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(invalid.body)).toContain("noticeDays");
    const stored = await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: renewal.id } });
    expect({ autoRenew: stored.autoRenew, noticeDays: stored.noticeDays }).toEqual({ autoRenew: false, noticeDays: null });

    // A closed renewal's terms are final.
    await prisma.renewalOpportunity.update({ where: { id: renewal.id }, data: { stage: "CLOSED_LOST", closedAt: NOW } });
    expect((await terms(await tokenFor(csm), { autoRenew: true, noticeDays: 30, upliftPct: 0 })).status).toBe(409);
  });

  it("counts the renewal alerts down to the decision date when a notice period is set", async () => {
    const ae = await createUser("AE");
    const csm = await createUser("CSM");
    const account = await createAccount({ csmId: csm.id, aeId: ae.id });
    // Renewal in 100 days with 45 days' notice: the decision is in 55 days, inside the 60-day alert.
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: addCalendarDays(TODAY, 100) });
    await prisma.renewalOpportunity.update({ where: { id: renewal.id }, data: { noticeDays: 45 } });
    // The same renewal without notice is 100 days out: no alert yet.
    await createRenewal(account.id, ae.id, { renewalDate: addCalendarDays(TODAY, 100) });
    const run = await sendRenewalAlerts(NOW);
    expect(run.created).toEqual([`renewal-alert:${renewal.id}:60`]);
  });
});
