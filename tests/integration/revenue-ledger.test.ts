// The revenue ledger from an empty database through a simulated year, driven the way a company drives it: files from
// the CRM and billing (the importer), the REST API, and the functions behind the app's pages. Every expected figure is
// worked out by hand in the comments. Dates are in 2024–2026, all before today, so the test reads the same any day.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { PUT as putDeal } from "@/app/api/v1/deals/[externalId]/route";
import { POST as recordMovement } from "@/app/api/v1/arr-movements/route";
import { GET as getRenewal } from "@/app/api/v1/renewals/[id]/route";
import { POST as closeRenewalWon } from "@/app/api/v1/renewals/[id]/close-won/route";
import { POST as closeRenewalLost } from "@/app/api/v1/renewals/[id]/close-lost/route";
import { dashboardParams } from "@/lib/dashboard/params";
import { parseIsoDate } from "@/lib/dates";
import type { ImportKind } from "@/lib/imports/formats";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import type { ActingUser } from "@/lib/server/authz";
import { getAccount } from "@/lib/server/accounts/get-account";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { dashboardContext } from "@/lib/server/dashboard/context";
import { getArrBridge } from "@/lib/server/dashboard/get-arr-bridge";
import { getRetention } from "@/lib/server/dashboard/get-retention";
import { getRenewalVisibility } from "@/lib/server/dashboard/get-renewal-visibility";
import { getLeadershipHome } from "@/lib/server/home/leadership-home";
import { getCsmHome } from "@/lib/server/home/csm-home";
import { textSource } from "@/lib/server/imports/csv-reader";
import { runImport } from "@/lib/server/imports/run-import";
import { stopBoss } from "@/lib/server/jobs/boss";
import { rollLedgerForward } from "@/lib/server/jobs/handlers/ledger-roll-forward";
import { sendRenewalAlerts } from "@/lib/server/jobs/handlers/renewal-alerts";
import { arrOn } from "@/lib/server/ledger/ledger-day";
import { moveRenewalStage } from "@/lib/server/renewals/move-renewal-stage";
import { repairLedger } from "@/lib/server/ledger/repair-ledger";
import { call, tokenFor } from "./support/api";
import { createCsm, createProduct, createUser } from "./support/fixtures";

afterAll(async () => {
  await stopBoss();
});

const day = parseIsoDate;
const settings = DEFAULT_SETTINGS;
const ctx = (iso: string) => ({ now: new Date(iso), settings });

interface Company {
  admin: ActingUser;
  leader: ActingUser;
  ae: ActingUser;
  csm: ActingUser;
  token: string;
  csmToken: string;
}

async function company(): Promise<Company> {
  const admin = await createUser("ADMIN");
  const leader = await createUser("LEADERSHIP");
  const ae = await createUser("AE", { email: "ae@ledger.test" });
  const csm = await createCsm({ name: "Casey CSM" });
  await prisma.user.update({ where: { id: csm.id }, data: { email: "csm@ledger.test" } });
  await createProduct({ name: "Renewal Hub" });
  return { admin, leader, ae, csm: { ...csm, email: "csm@ledger.test" }, token: await tokenFor(admin), csmToken: await tokenFor({ ...csm, email: "csm@ledger.test" }) };
}

async function importFile(admin: ActingUser, kind: ImportKind, text: string, now: string) {
  return runImport(admin, { kind, source: textSource(text), fileName: `${kind}.csv`, now: new Date(now) });
}

const ACCOUNTS =
  "external_id,name,segment,industry,region,timezone,primary_language,strategic,needs_onsite,health_score,usage_pct,expansion_potential,csm_email\n" +
  ["Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta"].map((name) => `${name.toUpperCase()},${name},Mid-Market,Software,NA,America/New_York,English,false,false,80,50,,csm@ledger.test`).join("\n") +
  "\n";

const DEAL_HEADER =
  "external_id,account_external_id,name,type,stage,amount,term_months,close_date,contract_start,products,owner_email,win_reason,competitor,pain_points,risks,technical_requirements,integrations,closed_at\n";
const dealLine = (id: string, account: string, amount: string, close: string, start = "", closedAt = "") =>
  `${id},${account},${account} platform,new,closed_won,${amount},12,${close},${start},Renewal Hub,ae@ledger.test,,,,,,,${closedAt}\n`;

const renewalOf = async (dealExternalId: string) =>
  prisma.renewalOpportunity.findFirstOrThrow({ where: { originalDeal: { externalId: dealExternalId } } });
const accountId = async (externalId: string) => (await prisma.account.findUniqueOrThrow({ where: { externalId } })).id;
const arrAt = async (externalId: string, iso: string) => arrOn(prisma, await accountId(externalId), day(iso));

describe("the revenue ledger over a simulated year", () => {
  it("drives an empty database through new business, expansions, renewals up, flat, down and lost, and billing files", async () => {
    const { admin, leader, ae, csm, token, csmToken } = await company();

    // ── Jan 5, 2025: the CRM's accounts and the four customers signed in 2024, loaded from files ──
    expect((await importFile(admin, "accounts", ACCOUNTS, "2025-01-05T14:00:00Z")).issues).toEqual([]);
    const legacy = await importFile(
      admin,
      "deals",
      DEAL_HEADER +
        dealLine("D-DELTA", "DELTA", "50000.00", "2024-05-01", "2024-05-01") +
        dealLine("D-EPS", "EPSILON", "20000.00", "2024-08-01", "2024-08-01") +
        dealLine("D-ZETA", "ZETA", "30000.25", "2024-10-01", "2024-10-01") +
        dealLine("D-ETA", "ETA", "12000.00", "2024-12-01", "2024-12-01"),
      "2025-01-05T14:00:00Z",
    );
    expect(legacy.issues).toEqual([]);
    // Each closed-won deal wrote its NEW movement at its contract start: 50,000 + 20,000 + 30,000.25 + 12,000 = 112,000.25.
    expect(await prisma.arrMovement.count({ where: { type: "NEW" } })).toBe(4);
    expect((await getLeadershipHome(leader, new Date("2025-01-06T15:00:00Z"))).totalArrCents).toBe(11_200_025n);

    // ── Jan 15: Acme closes won in Baton (the deal page) at $120,000.50 ──
    const acmeDeal = await prisma.deal.create({
      data: { externalId: "D-ACME", accountId: await accountId("ACME"), ownerId: ae.id, name: "Acme platform", type: "NEW", stage: "NEGOTIATION", amountCents: 12_000_050n, termMonths: 12, closeDate: day("2025-01-20") },
    });
    await closeDealWon(ae, acmeDeal.id, { at: new Date("2025-01-15T15:00:00Z") });
    // Leadership's home and the CSM's book go up by exactly the deal: 112,000.25 + 120,000.50 = 232,000.75, 5 customers.
    const home = await getLeadershipHome(leader, new Date("2025-01-16T15:00:00Z"));
    expect(home).toMatchObject({ totalArrCents: 23_200_075n, activeCustomers: 5 });
    expect((await getCsmHome(csm, new Date("2025-01-16T15:00:00Z"))).bookArrCents).toBe(23_200_075n);
    expect(await prisma.arrMovement.findMany({ where: { contractDealId: acmeDeal.id }, select: { type: true, amountCents: true, date: true } })).toEqual([
      { type: "NEW", amountCents: 12_000_050n, date: day("2025-01-15") },
    ]);
    // Closing it twice has one effect.
    expect((await closeDealWon(ae, acmeDeal.id, { at: new Date("2025-01-15T16:00:00Z") })).created).toBe(false);
    expect(await prisma.arrMovement.count({ where: { sourceDealId: acmeDeal.id } })).toBe(1);

    // ── Feb 3: Beta arrives from the CRM already won on Friday Jan 31 at 16:00 New York, contract from Feb 1 ──
    const beta = await importFile(admin, "deals", DEAL_HEADER + dealLine("D-BETA", "BETA", "48000.00", "2025-01-31", "2025-02-01", "2025-01-31T21:00:00Z"), "2025-02-03T14:00:00Z");
    expect(beta.issues).toEqual([]);
    // Its 72 business hours run from the close, not from the import: Fri 16:00 → Wed Feb 5 16:00 New York.
    const betaHandoff = await prisma.handoff.findFirstOrThrow({ where: { deal: { externalId: "D-BETA" } } });
    expect(betaHandoff.startedAt.toISOString()).toBe("2025-01-31T21:00:00.000Z");
    expect(betaHandoff.dueAt.toISOString()).toBe("2025-02-05T21:00:00.000Z");

    // ── Feb 10: billing's file repeats Beta's and Acme's revenue, naming their deals: nothing is counted twice ──
    const billing = await importFile(
      admin,
      "arr_movements",
      "account_external_id,date,type,amount,deal_external_id,reason\nBETA,2025-02-01,new,48000.00,D-BETA,\nACME,2025-01-15,new,120000.50,D-ACME,\n",
      "2025-02-10T14:00:00Z",
    );
    expect(billing.issues).toEqual([]);
    expect(await prisma.arrMovement.count({ where: { account: { externalId: { in: ["BETA", "ACME"] } } } })).toBe(2);
    expect(await arrAt("BETA", "2025-02-10")).toBe(4_800_000n);

    // ── Mar 1: Gamma comes through the API already closed won ──
    const gamma = await call(putDeal, {
      token,
      method: "PUT",
      params: { externalId: "D-GAMMA" },
      body: { accountExternalId: "GAMMA", name: "Gamma platform", type: "NEW", stage: "CLOSED_WON", amount: "10000.00", termMonths: 12, closeDate: "2025-03-01", contractStart: "2025-03-01", products: ["Renewal Hub"], ownerEmail: "ae@ledger.test" },
    });
    expect(gamma.status).toBe(200);
    expect(await arrAt("GAMMA", "2025-03-01")).toBe(1_000_000n);

    // ── Apr 20: Delta renews up, at $55,000, for May 1: contracted, not yet today's ARR ──
    const delta1 = await renewalOf("D-DELTA");
    const deltaUp = await moveRenewalStage(csm, { renewalId: delta1.id, stage: "CLOSED_WON", closedAmount: "55000" }, new Date("2025-04-20T15:00:00Z"));
    expect(deltaUp.movements).toEqual([{ type: "RENEWAL", amountCents: 5_500_000n }, { type: "EXPANSION", amountCents: 500_000n }]);
    const deltaPage = await getAccount(csm, await accountId("DELTA"), new Date("2025-04-20T15:00:00Z"));
    expect(deltaPage.account.arrCents).toBe(5_000_000n);
    expect(deltaPage.contracted).toEqual({ cents: 500_000n, from: day("2025-05-01") });
    // The next term: renewal date + 12 months, at P.
    const delta2 = await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: deltaUp.nextRenewalId ?? "" } });
    expect(delta2).toMatchObject({ amountCents: 5_500_000n, renewalDate: day("2026-05-01"), stage: "RENEWAL_PENDING" });
    expect(deltaPage.renewalTerms.map((term) => [term.term, term.renewalDate])).toEqual([[1, day("2025-05-01")], [2, day("2026-05-01")]]);
    // On May 2 the nightly roll-forward makes it today's ARR.
    await rollLedgerForward(new Date("2025-05-02T06:00:00Z"));
    expect((await prisma.account.findUniqueOrThrow({ where: { externalId: "DELTA" } })).arrCents).toBe(5_500_000n);

    // ── Jun 10: Acme expands by $30,000 from Jun 15, co-termed with its contract (7 months to Jan 15, 2026) ──
    const acmeExpansion = await prisma.deal.create({
      data: {
        externalId: "D-ACME-X", accountId: await accountId("ACME"), ownerId: ae.id, name: "Acme expansion", type: "EXPANSION", stage: "NEGOTIATION",
        amountCents: 3_000_000n, termMonths: 7, closeDate: day("2025-06-10"), contractStart: day("2025-06-15"),
      },
    });
    await closeDealWon(ae, acmeExpansion.id, { at: new Date("2025-06-10T15:00:00Z") });
    expect(await arrAt("ACME", "2025-06-15")).toBe(15_000_050n);

    // ── Jul 25: Epsilon renews down to $16,000 (Budget, not addressable) ──
    const eps1 = await renewalOf("D-EPS");
    await moveRenewalStage(csm, { renewalId: eps1.id, stage: "CLOSED_WON", closedAmount: "16000", reason: "Budget", addressable: false }, new Date("2025-07-25T15:00:00Z"));
    expect(await arrAt("EPSILON", "2025-08-01")).toBe(1_600_000n);

    // ── Sep 20: Zeta is lost to a competitor (through the API) — GRR of 2025 drops by exactly its ARR ──
    const before = await getRetention(await dashboardContext(leader, dashboardParams.parse({ period: "last-year" }), ctx("2026-01-10T15:00:00Z")));
    const zeta1 = await renewalOf("D-ZETA");
    const lostWithoutReason = await call(closeRenewalLost, { token: csmToken, method: "POST", params: { id: zeta1.id }, body: { reason: "Weather", addressable: true } });
    expect(lostWithoutReason.status).toBe(422);
    expect(lostWithoutReason.body.fields.reason[0]).toMatch(/not one of the reasons/);
    const lost = await call(closeRenewalLost, { token: csmToken, method: "POST", params: { id: zeta1.id }, body: { reason: "Competitor", addressable: true } });
    expect(lost.status).toBe(200);
    expect(lost.body.movements).toEqual([{ type: "CHURN", amount: "30000.25", date: "2025-10-01" }]);
    expect(lost.body.renewal).toMatchObject({ stage: "CLOSED_LOST", lossReason: "Competitor", lossAddressable: true, nextRenewalId: null });
    expect(await arrAt("ZETA", "2025-10-01")).toBe(0n);
    const after = await getRetention(await dashboardContext(leader, dashboardParams.parse({ period: "last-year" }), ctx("2026-01-10T15:00:00Z")));
    expect(before.figures.retainedArrCents - after.figures.retainedArrCents).toBe(3_000_025n);

    // Billing later sends an expansion of Zeta back-dated to Sep 1, before the churn: refused, line, field and reason.
    const backDated = await importFile(admin, "arr_movements", "account_external_id,date,type,amount\nZETA,2025-09-01,expansion,2000.00\n", "2025-10-05T14:00:00Z");
    expect(backDated.issues).toEqual([
      { line: 2, field: "date", reason: "refused: the account churned on 2025-10-01, and this would leave its ARR at $2,000.00 after the churn instead of zero" },
    ]);
    const viaApi = await call(recordMovement, { token, method: "POST", body: { accountExternalId: "ZETA", date: "2025-09-01", type: "EXPANSION", amount: "2000.00" } });
    expect(viaApi.status).toBe(422);
    expect(viaApi.body.fields.date[0]).toMatch(/churned on 2025-10-01/);
    expect(await prisma.arrMovement.count({ where: { account: { externalId: "ZETA" } } })).toBe(2);

    // ── Nov 20: Eta renews flat ──
    const eta1 = await renewalOf("D-ETA");
    await moveRenewalStage(csm, { renewalId: eta1.id, stage: "CLOSED_WON", closedAmount: "12000" }, new Date("2025-11-20T15:00:00Z"));

    // ── 2025 read on Jan 10, 2026 (last calendar year) ──
    // Cohort (ARR > 0 before Jan 1, 2025): Delta 50,000, Epsilon 20,000, Zeta 30,000.25, Eta 12,000 → start 112,000.25.
    // End: Delta 55,000, Epsilon 16,000, Zeta 0, Eta 12,000 → 83,000. Retained: 50,000 + 16,000 + 0 + 12,000 = 78,000.
    // GRR 78,000 / 112,000.25 = 69.6427%, NRR 83,000 / 112,000.25 = 74.1069%, logo 3 / 4.
    expect(after.figures).toMatchObject({ startArrCents: 11_200_025n, retainedArrCents: 7_800_000n, endArrCents: 8_300_000n, cohortAccounts: 4, retainedAccounts: 3 });
    expect(after.figures.grossRetention).toBe(0.696427);
    expect(after.figures.netRetention).toBe(0.741069);
    expect(after.figures.logoRetention).toBe(0.75);

    // The ARR bridge of 2025 over every account: 112,000.25 + new 178,000.50 (Acme 120,000.50, Beta 48,000, Gamma 10,000)
    // + expansion 35,000 (Acme 30,000, Delta 5,000) − contraction 4,000 (Epsilon) − churn 30,000.25 (Zeta) = 291,000.50.
    const year = await getArrBridge(await dashboardContext(leader, dashboardParams.parse({ period: "last-year" }), ctx("2026-01-10T15:00:00Z")));
    expect(year).toMatchObject({
      startingCents: 11_200_025n, newCents: 17_800_050n, expansionCents: 3_500_000n, contractionCents: 400_000n, churnCents: 3_000_025n,
      endingCents: 29_100_050n, unreconciledCents: 0n,
    });
    expect(year.losses).toEqual([
      { type: "CHURN", reason: "Competitor", addressable: true, amountCents: 3_000_025n, accounts: 1 },
      { type: "CONTRACTION", reason: "Budget", addressable: false, amountCents: 400_000n, accounts: 1 },
    ]);
    // First half of 2025: 112,000.25 + new 178,000.50 + expansion 35,000 (Jun 15 and May 1) = 325,000.75; nothing lost yet.
    const half = await getArrBridge(await dashboardContext(leader, dashboardParams.parse({ period: "custom", from: "2025-01", to: "2025-06" }), ctx("2026-01-10T15:00:00Z")));
    expect(half).toMatchObject({ startingCents: 11_200_025n, newCents: 17_800_050n, expansionCents: 3_500_000n, contractionCents: 0n, churnCents: 0n, endingCents: 32_500_075n, unreconciledCents: 0n });

    // Renewal visibility on Jan 10, 2026 (due by Apr 10): Acme's contract and expansion (Jan 15), Beta (Feb 1), Gamma (Mar 1).
    expect(await getRenewalVisibility(await dashboardContext(leader, dashboardParams.parse({}), ctx("2026-01-10T15:00:00Z")))).toMatchObject({ due: 4, visible: 4, visibility: 1 });

    // ── Jan 10, 2026: Acme's co-termed renewals. The contract renews up at $130,000.50 through the API (idempotently)… ──
    const acme1 = await renewalOf("D-ACME");
    const acmeX1 = await renewalOf("D-ACME-X");
    const body = { amount: "130000.50" };
    const won = await call(closeRenewalWon, { token: csmToken, method: "POST", params: { id: acme1.id }, body, headers: { "Idempotency-Key": "acme-2026" } });
    expect(won.status).toBe(200);
    expect(won.body.movements).toEqual([{ type: "RENEWAL", amount: "130000.50", date: "2026-01-15" }, { type: "EXPANSION", amount: "10000.00", date: "2026-01-15" }]);
    const replay = await call(closeRenewalWon, { token: csmToken, method: "POST", params: { id: acme1.id }, body, headers: { "Idempotency-Key": "acme-2026" } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    const again = await call(closeRenewalWon, { token: csmToken, method: "POST", params: { id: acme1.id }, body });
    expect(again.status).toBe(409);
    // …and the expansion renews flat: the account's ARR is its two contracts at their new prices, 130,000.50 + 30,000.
    await moveRenewalStage(csm, { renewalId: acmeX1.id, stage: "CLOSED_WON", closedAmount: "30000" }, new Date("2026-01-10T16:00:00Z"));
    expect(await arrAt("ACME", "2026-01-15")).toBe(16_000_050n);
    const acme2 = await call(getRenewal, { token: csmToken, params: { id: won.body.renewal.nextRenewalId } });
    expect(acme2.body).toMatchObject({ amount: "130000.50", renewalDate: "2027-01-15", stage: "RENEWAL_PENDING" });
    expect(await prisma.renewalOpportunity.count({ where: { accountId: await accountId("ACME") } })).toBe(4);

    // ── Feb 15, 2026: the next terms are on the pipeline, in visibility and in the alerts ──
    // Due by May 16: Gamma (Mar 1) and Delta's second term (its renewal deal's contract ends May 1). Both visible.
    expect(await getRenewalVisibility(await dashboardContext(leader, dashboardParams.parse({}), ctx("2026-02-15T15:00:00Z")))).toMatchObject({ due: 2, visible: 2 });
    await sendRenewalAlerts(new Date("2026-02-15T15:00:00Z"));
    expect(await prisma.notification.count({ where: { dedupeKey: { startsWith: `renewal-alert:${delta2.id}:` } } })).toBe(1);
    // This quarter to date: 291,000.50 + 10,000 (Acme's uplift on Jan 15) = 301,000.50, and it reconciles.
    const quarter = await getArrBridge(await dashboardContext(leader, dashboardParams.parse({ period: "qtd" }), ctx("2026-02-15T15:00:00Z")));
    expect(quarter).toMatchObject({ startingCents: 29_100_050n, newCents: 0n, expansionCents: 1_000_000n, endingCents: 30_100_050n, unreconciledCents: 0n });

    // ── Today (any day after all of this): ARR is the sum of every movement to date ──
    await rollLedgerForward(new Date(), { lookBackDays: 3650 });
    const today = await getLeadershipHome(leader);
    // Acme 160,000.50 + Beta 48,000 + Gamma 10,000 + Delta 55,000 + Epsilon 16,000 + Eta 12,000 = 301,000.50; Zeta is gone.
    expect(today).toMatchObject({ totalArrCents: 30_100_050n, activeCustomers: 6 });
    // The one-off repair finds nothing to do on data the ledger wrote itself.
    expect(await repairLedger({ apply: false })).toEqual({ movementsWritten: [], nextTermsOpened: [], refused: [] });
  });
});

describe("the ledger's rules, one at a time", () => {
  it("a renewal won at a higher, the same and a lower price leaves the contract's ARR at exactly P", async () => {
    const { admin, csm } = await company();
    await importFile(admin, "accounts", ACCOUNTS, "2024-01-02T14:00:00Z");
    const deals = await importFile(
      admin,
      "deals",
      DEAL_HEADER + dealLine("UP", "ACME", "120000.50", "2024-03-01", "2024-03-01") + dealLine("FLAT", "BETA", "120000.50", "2024-03-01", "2024-03-01") + dealLine("DOWN", "GAMMA", "120000.50", "2024-03-01", "2024-03-01"),
      "2024-03-02T14:00:00Z",
    );
    expect(deals.issues).toEqual([]);
    const close = async (deal: string, amount: string, extra: { reason?: string; addressable?: boolean } = {}) =>
      moveRenewalStage(csm, { renewalId: (await renewalOf(deal)).id, stage: "CLOSED_WON", closedAmount: amount, ...extra }, new Date("2025-02-20T15:00:00Z"));
    await close("UP", "130000.50");
    await close("FLAT", "120000.50");
    await expect(close("DOWN", "99999.99")).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: [expect.any(String)], addressable: [expect.any(String)] } });
    await close("DOWN", "99999.99", { reason: "price", addressable: true });
    expect(await arrAt("ACME", "2025-03-01")).toBe(13_000_050n);
    expect(await arrAt("BETA", "2025-03-01")).toBe(12_000_050n);
    expect(await arrAt("GAMMA", "2025-03-01")).toBe(9_999_999n);
    expect(await prisma.arrMovement.findFirstOrThrow({ where: { account: { externalId: "GAMMA" }, type: "CONTRACTION" } })).toMatchObject({ amountCents: 2_000_051n, reason: "Price", addressable: true });
    // Each closed renewal opened exactly one next term, a year on, at P.
    const next = await prisma.renewalOpportunity.findMany({ where: { stage: "RENEWAL_PENDING" }, orderBy: { amountCents: "asc" }, select: { amountCents: true, renewalDate: true } });
    expect(next).toEqual([
      { amountCents: 9_999_999n, renewalDate: day("2026-03-01") },
      { amountCents: 12_000_050n, renewalDate: day("2026-03-01") },
      { amountCents: 13_000_050n, renewalDate: day("2026-03-01") },
    ]);
    // With their renewal-side touchpoints, owned by the account's CSM.
    const touchpoints = await prisma.touchpoint.findMany({ where: { renewalOpportunity: { amountCents: 13_000_050n, stage: "RENEWAL_PENDING" } }, orderBy: { dueDate: "asc" }, select: { type: true, ownerId: true } });
    expect(touchpoints.map((t) => t.type)).toEqual(["RENEWAL_PLANNING", "RENEWAL_CALL", "RENEWAL_CLOSE"]);
    expect(touchpoints.every((t) => t.ownerId === csm.id)).toBe(true);
  });

  it("billing's date and amount replace Baton's for a deal's contract movement, and a second file changes nothing", async () => {
    const { admin } = await company();
    await importFile(admin, "accounts", ACCOUNTS, "2025-01-02T14:00:00Z");
    await importFile(admin, "deals", DEAL_HEADER + dealLine("D-1", "ACME", "60000.00", "2025-03-01", "2025-03-01"), "2025-03-02T14:00:00Z");
    const file = "account_external_id,date,type,amount,deal_external_id,reason\nACME,2025-03-05,new,60000.10,D-1,\n";
    expect((await importFile(admin, "arr_movements", file, "2025-03-10T14:00:00Z")).issues).toEqual([]);
    expect((await importFile(admin, "arr_movements", file, "2025-03-11T14:00:00Z")).issues).toEqual([]);
    expect(await prisma.arrMovement.findMany({ where: { account: { externalId: "ACME" } }, select: { type: true, date: true, amountCents: true, contractDealId: true } })).toEqual([
      { type: "NEW", date: day("2025-03-05"), amountCents: 6_000_010n, contractDealId: expect.any(String) },
    ]);
    // The database keeps the contract movement the deal's own NEW (or EXPANSION), whatever writes it.
    const deal = await prisma.deal.findUniqueOrThrow({ where: { externalId: "D-1" } });
    await expect(
      prisma.arrMovement.create({ data: { accountId: deal.accountId, date: day("2025-03-06"), type: "RENEWAL", amountCents: 1n, sourceDealId: deal.id, contractDealId: deal.id } }),
    ).rejects.toThrow(/ArrMovement_contract_is_own_movement/);
    // A movement naming a deal of another account, or of the wrong kind, is refused by its field.
    const wrong = await importFile(
      admin,
      "arr_movements",
      "account_external_id,date,type,amount,deal_external_id,reason\nBETA,2025-03-05,new,100.00,D-1,\nACME,2025-04-01,churn,60000.10,,Weather\nACME,2025-04-01,contraction,100.00,NOPE,\n",
      "2025-04-02T14:00:00Z",
    );
    expect(wrong.issues).toEqual([
      { line: 2, field: "deal_external_id", reason: "deal D-1 belongs to another account" },
      { line: 3, field: "reason", reason: "must be one of Price, Budget, Product gap, Champion left, Acquired / merged, Competitor, Went out of business, Other (rule settings → Revenue ledger)" },
      { line: 4, field: "deal_external_id", reason: "no deal with the external id NOPE" },
    ]);
  });

  it("an arriving-won deal without closed_at starts its clock at the end of its close day, and one already past due is escalated at once", async () => {
    const { admin } = await company();
    await importFile(admin, "accounts", ACCOUNTS, "2026-01-02T14:00:00Z");
    // Closed Friday Jan 9, 2026, loaded Thursday Jan 15: due 72 business hours after Fri 23:59:59.999 New York = Wed Jan 14.
    await importFile(admin, "deals", DEAL_HEADER + dealLine("LATE", "ACME", "9000.00", "2026-01-09"), "2026-01-15T14:00:00Z");
    const handoff = await prisma.handoff.findFirstOrThrow({ where: { deal: { externalId: "LATE" } }, select: { id: true, startedAt: true, dueAt: true } });
    expect(handoff.startedAt.toISOString()).toBe("2026-01-10T04:59:59.999Z");
    expect(handoff.dueAt.toISOString()).toBe("2026-01-15T04:59:59.999Z");
    // Its escalation job is on the queue to run at once (its start time has passed when the import commits).
    const [job] = await prisma.$queryRaw<{ start_after: Date }[]>`SELECT start_after FROM pgboss.job WHERE name = 'escalate-handoff' AND data->>'handoffId' = ${handoff.id}`;
    expect(job?.start_after.getTime()).toBe(handoff.dueAt.getTime());
    // A closed_at later than the arrival is held to the arrival.
    await importFile(admin, "deals", DEAL_HEADER + dealLine("EARLY", "BETA", "9000.00", "2026-01-15", "", "2026-01-20T15:00:00Z"), "2026-01-15T14:00:00Z");
    expect((await prisma.handoff.findFirstOrThrow({ where: { deal: { externalId: "EARLY" } } })).startedAt.toISOString()).toBe("2026-01-15T14:00:00.000Z");
  });

  it("a renewal deal from the CRM closes the renewal it renews, and one that renews nothing is refused", async () => {
    const { admin } = await company();
    await importFile(admin, "accounts", ACCOUNTS, "2024-01-02T14:00:00Z");
    await importFile(admin, "deals", DEAL_HEADER + dealLine("D-1", "ACME", "50000.00", "2024-06-01", "2024-06-01"), "2024-06-02T14:00:00Z");
    const renewalDeal = (id: string, start: string) => `${id},ACME,Acme renewal,renewal,closed_won,52000.00,12,2025-05-20,${start},Renewal Hub,ae@ledger.test,,,,,,,\n`;
    const refused = await importFile(admin, "deals", DEAL_HEADER + renewalDeal("R-X", "2025-07-01"), "2025-05-21T14:00:00Z");
    expect(refused.issues).toEqual([{ line: 2, field: "contract_start", reason: expect.stringMatching(/No open renewal of this account is due on 2025-07-01/) }]);
    expect((await importFile(admin, "deals", DEAL_HEADER + renewalDeal("R-1", "2025-06-01"), "2025-05-21T14:00:00Z")).issues).toEqual([]);
    expect((await renewalOf("D-1")).stage).toBe("CLOSED_WON");
    expect(await arrAt("ACME", "2025-06-01")).toBe(5_200_000n);
    const next = await renewalOf("R-1");
    expect(next).toMatchObject({ amountCents: 5_200_000n, renewalDate: day("2026-06-01"), stage: "RENEWAL_PENDING" });
    // A renewal is not a new customer: no handoff opens for it.
    expect(await prisma.handoff.count({ where: { deal: { externalId: "R-1" } } })).toBe(0);
  });

  it("no account's ARR goes below zero on any date, whatever writes the movement", async () => {
    const { admin } = await company();
    await importFile(admin, "accounts", ACCOUNTS, "2025-01-02T14:00:00Z");
    const result = await importFile(
      admin,
      "arr_movements",
      "account_external_id,date,type,amount\nACME,2025-02-01,new,1000.00\nACME,2025-01-15,contraction,10.00\nACME,2025-03-01,contraction,999.99\n",
      "2025-04-01T14:00:00Z",
    );
    expect(result.issues).toEqual([{ line: 3, field: "amount", reason: "a contraction must be less than the account's ARR on 2025-01-15 (0.00); use churn to end it" }]);
    // Even a write that skips the app's checks is refused by the database.
    await expect(
      prisma.arrMovement.create({ data: { accountId: await accountId("ACME"), date: day("2025-01-01"), type: "CONTRACTION", amountCents: 1n } }),
    ).rejects.toMatchObject({ meta: { driverAdapterError: { cause: { originalCode: "BT001" } } } });
    expect(await arrAt("ACME", "2025-12-31")).toBe(1n);
  });
});

describe("npm run ledger:repair — data from before the ledger", () => {
  it("writes the missing ARR movement and the missing next term once, and reports what the ledger refuses", async () => {
    const { admin } = await company();
    await importFile(admin, "accounts", ACCOUNTS, "2024-01-02T14:00:00Z");
    await importFile(admin, "deals", DEAL_HEADER + dealLine("OLD", "ACME", "40000.00", "2024-02-01", "2024-02-01") + dealLine("BLOCKED", "BETA", "5000.00", "2024-02-01", "2024-02-01"), "2024-02-02T14:00:00Z");
    // As the first version left things: the closed-won deal wrote no movement, the renewal closed won opened no next term.
    await prisma.arrMovement.deleteMany({ where: { contractDeal: { externalId: "OLD" } } });
    const old = await renewalOf("OLD");
    await prisma.renewalOpportunity.update({ where: { id: old.id }, data: { stage: "CLOSED_WON", closedAmountCents: 4_200_000n, closedAt: new Date("2025-01-20T15:00:00Z") } });
    // Beta's history already churned it before its deal's start: its movement would break the ledger.
    await prisma.arrMovement.deleteMany({ where: { contractDeal: { externalId: "BLOCKED" } } });
    await prisma.arrMovement.createMany({
      data: [
        { accountId: await accountId("BETA"), date: day("2024-01-01"), type: "NEW", amountCents: 100n },
        { accountId: await accountId("BETA"), date: day("2024-03-01"), type: "CHURN", amountCents: 100n },
      ],
    });

    const dryRun = await repairLedger({ apply: false });
    expect([...dryRun.movementsWritten].sort()).toEqual(["BLOCKED", "OLD"]);
    expect(dryRun).toMatchObject({ nextTermsOpened: [old.name], refused: [] });
    expect(await prisma.arrMovement.count({ where: { account: { externalId: "ACME" } } })).toBe(0);

    const applied = await repairLedger({ apply: true, now: new Date("2025-02-01T15:00:00Z") });
    expect(applied.movementsWritten).toEqual(["OLD"]);
    expect(applied.refused).toEqual([{ record: "deal BLOCKED", reason: "Refused: the account churned on 2024-03-01, and this would leave its ARR at $5,000.00 after the churn instead of zero." }]);
    expect(await arrAt("ACME", "2024-12-31")).toBe(4_000_000n);
    const next = await prisma.renewalOpportunity.findFirstOrThrow({ where: { accountId: await accountId("ACME"), stage: "RENEWAL_PENDING" } });
    expect(next).toMatchObject({ amountCents: 4_200_000n, renewalDate: day("2026-02-01") });
    expect((await repairLedger({ apply: true })).nextTermsOpened).toEqual([]);
    expect(await prisma.renewalOpportunity.count({ where: { accountId: await accountId("ACME") } })).toBe(2);
  });
});
