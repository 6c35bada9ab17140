import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { prisma } from "@/lib/db";
import { addCalendarDays } from "@/lib/calendar/company-day";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { sumRows, mergeSums } from "@/lib/forecast/retention";
import { decideCheckpoint, recordCheckpoint } from "@/lib/server/forecast/checkpoints";
import { getForecast, forecastParams, listForecastRows, toForecastRow } from "@/lib/server/forecast/get-forecast";
import { getRenewalForecast } from "@/lib/server/forecast/get-renewal-forecast";
import { overrideForecast, setForecast } from "@/lib/server/forecast/set-forecast";
import { updateContractTerms } from "@/lib/server/forecast/update-contract-terms";
import { stopBoss } from "@/lib/server/jobs/boss";
import { runForecastCheckpoints } from "@/lib/server/jobs/handlers/forecast-checkpoints";
import { snapshotForecasts } from "@/lib/server/jobs/handlers/forecast-snapshots";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

// Monday 2026-11-23, 10:00 in New York (the company time zone of the default settings).
const NOW = new Date("2026-11-23T15:00:00Z");
const TODAY = parseIsoDate("2026-11-23");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const inDays = (days: number) => addCalendarDays(TODAY, days);
const d = parseIsoDate;

afterAll(async () => {
  await stopBoss();
});

async function book() {
  const manager = await createUser("CS_MANAGER", { name: "Grace Manager" });
  const csm = await createUser("CSM", { name: "Ada Csm", managerId: manager.id });
  const ae = await createUser("AE");
  const account = await createAccount({ name: "Forecast Co", csmId: csm.id, aeId: ae.id });
  return { manager, csm, ae, account };
}

describe("setting and overriding the forecast", () => {
  it("lets the CSM call their own renewal and keeps the CS manager's override beside it, audited", async () => {
    const { manager, csm, ae, account } = await book();
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: d("2027-02-15"), amountCents: 10_000_000n });
    await setForecast(csm, { renewalId: renewal.id, category: "COMMIT", amount: "105,000", outcome: "UPLIFT", nextStep: "Send the order form", nextStepDate: "2026-12-10" }, NOW);
    await overrideForecast(manager, { renewalId: renewal.id, category: "BEST_CASE", amount: "95000", outcome: "DOWNSELL", reason: "Budget freeze announced" }, later(1));

    const stored = await prisma.renewalForecast.findUniqueOrThrow({ where: { renewalOpportunityId: renewal.id } });
    expect(stored).toMatchObject({ category: "COMMIT", amountCents: 10_500_000n, outcome: "UPLIFT", nextStep: "Send the order form", setById: csm.id, overrideCategory: "BEST_CASE", overrideAmountCents: 9_500_000n, overrideById: manager.id, overrideReason: "Budget freeze announced" });
    expect(toIsoDate(stored.nextStepDate!)).toBe("2026-12-10");
    const view = await getRenewalForecast(csm, renewal.id, NOW);
    expect(view.renewal.call).toEqual({ category: "BEST_CASE", amountCents: 9_500_000n, outcome: "DOWNSELL", overridden: true, set: true });
    expect(view.renewal.stored?.category).toBe("COMMIT");

    const audit = await prisma.auditEvent.findMany({ where: { entityId: renewal.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([["forecast.set", csm.id], ["forecast.overridden", manager.id]]);
    expect(audit[1]?.data).toMatchObject({ reason: "Budget freeze announced", csmCall: { category: "COMMIT", amountCents: "10500000" }, to: { category: "BEST_CASE", amountCents: "9500000" } });
  });

  it("refuses other books, AEs, leadership and admins as setters, non-managers as overriders, and bad input by field", async () => {
    const { csm, ae, account } = await book();
    const other = await createUser("CSM");
    const leader = await createUser("LEADERSHIP");
    const admin = await createUser("ADMIN");
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: d("2027-02-15") });
    const input = { renewalId: renewal.id, category: "COMMIT" as const, amount: "60000", outcome: "FLAT" as const };
    await expect(setForecast(other, input, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setForecast(ae, input, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setForecast(leader, input, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setForecast(admin, input, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(overrideForecast(csm, { ...input, reason: "I say so" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getRenewalForecast(ae, renewal.id, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getForecast(ae, forecastParams.parse({}), NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bad = await setForecast(csm, { ...input, amount: "lots" }, NOW).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(ZodError);
    expect((bad as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["amount", "Enter the forecast amount in dollars, e.g. 120000"]]);
    const noReason = await overrideForecast(await createUser("CS_MANAGER"), { ...input, reason: "" }, NOW).catch((error: unknown) => error);
    expect((noReason as ZodError).issues.map((i) => i.path.join("."))).toEqual(["reason"]);
    expect(await prisma.renewalForecast.count()).toBe(0);
    // Leadership and admins read it.
    expect((await getRenewalForecast(leader, renewal.id, NOW)).can).toEqual({ setForecast: false, override: false, editTerms: false, recordCheckpoint: false, decideCheckpoint: false });
    expect((await getRenewalForecast(admin, renewal.id, NOW)).can.editTerms).toBe(true);
  });

  it("refuses a forecast on a closed renewal", async () => {
    const { csm, ae, account } = await book();
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: d("2026-11-01"), stage: "CLOSED_WON" });
    await expect(setForecast(csm, { renewalId: renewal.id, category: "COMMIT", amount: "1", outcome: "FLAT" }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("contract terms", () => {
  it("moves the decision date by the notice days and includes the uplift in the flat forecast", async () => {
    const { csm, ae, account } = await book();
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: d("2027-06-30"), amountCents: 10_000_000n });
    await updateContractTerms(csm, { renewalId: renewal.id, autoRenew: true, noticeDays: "60", upliftPct: "7" }, NOW);
    const view = await getRenewalForecast(csm, renewal.id, NOW);
    expect(toIsoDate(view.renewal.decisionDate)).toBe("2027-05-01");
    expect(view.renewal).toMatchObject({ autoRenew: true, noticeDays: 60, upliftPct: 7 });
    expect(view.renewal.call).toEqual({ category: "PIPELINE", amountCents: 10_700_000n, outcome: "FLAT", overridden: false, set: false });
    const [event] = await prisma.auditEvent.findMany({ where: { action: "renewal.terms_changed" } });
    expect(event?.data).toMatchObject({ from: { autoRenew: false, noticeDays: null, upliftPct: 0 }, to: { autoRenew: true, noticeDays: 60, upliftPct: 7 } });

    await expect(updateContractTerms(ae, { renewalId: renewal.id, autoRenew: false, upliftPct: "0" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateContractTerms(await createUser("LEADERSHIP"), { renewalId: renewal.id, autoRenew: false, upliftPct: "0" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bad = await updateContractTerms(csm, { renewalId: renewal.id, autoRenew: false, noticeDays: "400", upliftPct: "150" }, NOW).catch((error: unknown) => error);
    expect((bad as ZodError).issues.map((i) => i.path.join(".")).sort()).toEqual(["noticeDays", "upliftPct"]);
  });
});

describe("checkpoints", () => {
  it("opens each renewal's due checkpoint once, off the decision date, and the next one when it comes", async () => {
    const { csm, ae, account } = await book();
    const a = await createRenewal(account.id, ae.id, { renewalDate: inDays(170) });
    const b = await createRenewal(account.id, ae.id, { renewalDate: inDays(200) });
    await prisma.renewalOpportunity.update({ where: { id: b.id }, data: { noticeDays: 30 } }); // decision in 170 days
    const c = await createRenewal(account.id, ae.id, { renewalDate: inDays(200) }); // decision in 200 days: not yet
    const soon = await createRenewal(account.id, ae.id, { renewalDate: inDays(60) }); // inside 90: only the 90-day one

    const [first, second] = [await runForecastCheckpoints(NOW), await runForecastCheckpoints(NOW)];
    expect(first.opened.created.sort()).toEqual([`forecast-checkpoint:${a.id}:180`, `forecast-checkpoint:${b.id}:180`, `forecast-checkpoint:${soon.id}:90`].sort());
    expect(second.opened.created).toEqual([]);
    const rows = await prisma.forecastCheckpoint.findMany({ orderBy: { daysBefore: "asc" } });
    expect(rows.map((row) => [row.renewalOpportunityId, row.daysBefore, row.status])).toHaveLength(3);
    expect(rows.find((row) => row.renewalOpportunityId === b.id)?.dueDate).toEqual(inDays(-10));
    expect(rows.some((row) => row.renewalOpportunityId === c.id)).toBe(false);
    const notes = await prisma.notification.findMany({ where: { kind: "forecast_checkpoint" } });
    expect(notes).toHaveLength(3);
    expect(notes.every((n) => n.userId === csm.id)).toBe(true);

    // 80 days on, renewal a is 90 days from its decision: its second checkpoint opens; the first is kept.
    await runForecastCheckpoints(later(80));
    await runForecastCheckpoints(later(80));
    expect((await prisma.forecastCheckpoint.findMany({ where: { renewalOpportunityId: a.id }, orderBy: { daysBefore: "desc" } })).map((row) => row.daysBefore)).toEqual([180, 90]);
  });

  it("reminds the CSM after a week and escalates to their manager after two, once each", async () => {
    const { manager, csm, ae, account } = await book();
    // 150 days out: the 180-day checkpoint opens today; the 90-day one not within the next two weeks.
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: inDays(150) });
    await runForecastCheckpoints(NOW);
    expect((await runForecastCheckpoints(later(6))).reminded.created).toEqual([]);
    const week = [await runForecastCheckpoints(later(7)), await runForecastCheckpoints(later(7))];
    expect(week[0]!.reminded.created).toHaveLength(1);
    expect(week[1]!.reminded.created).toEqual([]);
    expect(week[0]!.escalated.created).toEqual([]);
    await runForecastCheckpoints(later(14));
    await runForecastCheckpoints(later(15));
    const checkpoints = await prisma.forecastCheckpoint.findMany({ where: { renewalOpportunityId: renewal.id } });
    expect(checkpoints).toHaveLength(1);
    const checkpoint = checkpoints[0]!;
    expect(checkpoint.remindedAt).not.toBeNull();
    expect(checkpoint.escalatedAt).not.toBeNull();
    const overdue = await prisma.notification.findMany({ where: { kind: "forecast_checkpoint_overdue" } });
    expect(overdue.map((n) => n.userId).sort()).toEqual([manager.id, csm.id].sort());
    const mails = await prisma.emailMessage.findMany({ where: { kind: "ESCALATION", accountId: account.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toEmails: [manager.email.toLowerCase()], ccEmails: [csm.email.toLowerCase()] });
    expect(mails[0]?.subject).toBe(`Escalation: the 180-day forecast checkpoint for ${account.name} is overdue`);
  });

  it("routes a disagreement to the CSM's manager, who decides with a reason, audited", async () => {
    const { manager, csm, ae, account } = await book();
    const otherManager = await createUser("CS_MANAGER");
    // Baton's call: 70 − 25 (High risk) − 15 (usage 0% < 50%) = 30 → At risk.
    await prisma.riskAssessment.create({ data: { accountId: account.id, overall: "HIGH", factors: [], trigger: "test" } });
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: inDays(90), amountCents: 8_000_000n });
    await runForecastCheckpoints(NOW);
    const checkpoint = await prisma.forecastCheckpoint.findFirstOrThrow({ where: { renewalOpportunityId: renewal.id } });
    expect(checkpoint).toMatchObject({ daysBefore: 90, status: "OPEN" });

    await expect(recordCheckpoint(await createUser("CSM"), { checkpointId: checkpoint.id, category: "COMMIT", amount: "80000", outcome: "FLAT" }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const recorded = await recordCheckpoint(csm, { checkpointId: checkpoint.id, category: "COMMIT", amount: "80000", outcome: "FLAT" }, NOW);
    expect(recorded).toEqual({ status: "AWAITING_MANAGER", batonScore: 30, batonCategory: "AT_RISK" });
    await expect(recordCheckpoint(csm, { checkpointId: checkpoint.id, category: "PIPELINE", amount: "80000", outcome: "FLAT" }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    const routed = await prisma.notification.findMany({ where: { kind: "forecast_disagreement" } });
    expect(routed.map((n) => n.userId)).toEqual([manager.id]);
    expect(routed[0]?.link).toBe(`/renewals/${renewal.id}`);
    expect((await prisma.forecastCheckpoint.findUniqueOrThrow({ where: { id: checkpoint.id } })).managerId).toBe(manager.id);

    await expect(decideCheckpoint(csm, { checkpointId: checkpoint.id, category: "PIPELINE", amount: "60000", reason: "Sponsor left" }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const noReason = await decideCheckpoint(manager, { checkpointId: checkpoint.id, category: "PIPELINE", amount: "60000", reason: "" }, NOW).catch((error: unknown) => error);
    expect((noReason as ZodError).issues.map((i) => i.path.join("."))).toEqual(["reason"]);
    await decideCheckpoint(manager, { checkpointId: checkpoint.id, category: "PIPELINE", amount: "60000", reason: "Sponsor left; downsell likely" }, later(1));
    await expect(decideCheckpoint(otherManager, { checkpointId: checkpoint.id, category: "COMMIT", amount: "80000", reason: "Second thoughts" }, later(1))).rejects.toMatchObject({ code: "CONFLICT" });

    const decided = await prisma.forecastCheckpoint.findUniqueOrThrow({ where: { id: checkpoint.id } });
    expect(decided).toMatchObject({ status: "DECIDED", csmCategory: "COMMIT", csmAmountCents: 8_000_000n, batonCategory: "AT_RISK", decidedCategory: "PIPELINE", decidedAmountCents: 6_000_000n, decisionReason: "Sponsor left; downsell likely", decidedById: manager.id });
    const forecast = await prisma.renewalForecast.findUniqueOrThrow({ where: { renewalOpportunityId: renewal.id } });
    expect(forecast).toMatchObject({ category: "COMMIT", amountCents: 8_000_000n, overrideCategory: "PIPELINE", overrideAmountCents: 6_000_000n, overrideOutcome: "DOWNSELL", overrideById: manager.id });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: renewal.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([["forecast.checkpoint_recorded", csm.id], ["forecast.checkpoint_decided", manager.id]]);
    expect(audit[1]?.data).toMatchObject({ reason: "Sponsor left; downsell likely", category: "PIPELINE", amountCents: "6000000" });
  });

  it("records an agreeing call without troubling the manager", async () => {
    const { csm, ae, account } = await book();
    // 70 + 10 (health 90) + 5 (usage 85%) = 85 → Commit; the CSM's Best case is one category away.
    await prisma.account.update({ where: { id: account.id }, data: { healthScore: 90, usagePct: "85" } });
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: inDays(90) });
    await runForecastCheckpoints(NOW);
    const checkpoint = await prisma.forecastCheckpoint.findFirstOrThrow({ where: { renewalOpportunityId: renewal.id } });
    expect(await recordCheckpoint(csm, { checkpointId: checkpoint.id, category: "BEST_CASE", amount: "60000", outcome: "FLAT" }, NOW)).toEqual({ status: "AGREED", batonScore: 85, batonCategory: "COMMIT" });
    expect(await prisma.notification.count({ where: { kind: "forecast_disagreement" } })).toBe(0);
  });
});

describe("weekly snapshots", () => {
  it("snapshots every open renewal once per week, however often it runs", async () => {
    const { csm, ae, account } = await book();
    const open = [await createRenewal(account.id, ae.id, { renewalDate: inDays(30) }), await createRenewal(account.id, ae.id, { renewalDate: inDays(120) })];
    await createRenewal(account.id, ae.id, { renewalDate: inDays(-10), stage: "CLOSED_WON" });
    await setForecast(csm, { renewalId: open[0]!.id, category: "COMMIT", amount: "61000", outcome: "UPLIFT" }, NOW);
    const runs = await Promise.all([snapshotForecasts(NOW), snapshotForecasts(NOW)]);
    expect(runs.map((run) => run.written).sort()).toEqual([0, 2]);
    expect((await snapshotForecasts(later(4))).written).toBe(0); // Friday: same week
    expect(toIsoDate(runs[0]!.weekStart)).toBe("2026-11-23");
    const next = await snapshotForecasts(later(7));
    expect(next).toEqual({ weekStart: d("2026-11-30"), written: 2 });
    const snapshots = await prisma.forecastSnapshot.findMany({ where: { renewalOpportunityId: open[0]!.id }, orderBy: { weekStart: "asc" } });
    expect(snapshots.map((s) => [toIsoDate(s.weekStart), s.category, s.amountCents])).toEqual([["2026-11-23", "COMMIT", 6_100_000n], ["2026-11-30", "COMMIT", 6_100_000n]]);
  });
});

describe("the forecast page", () => {
  async function quarterFixture() {
    const m1 = await createUser("CS_MANAGER", { name: "M1 Manager" });
    const csm1 = await createUser("CSM", { name: "C1 Csm", managerId: m1.id });
    const csm2 = await createUser("CSM", { name: "C2 Csm", managerId: m1.id });
    const csm3 = await createUser("CSM", { name: "C3 Csm" });
    const ae = await createUser("AE");
    const acc = async (csmId: string, name: string) => createAccount({ name, csmId, aeId: ae.id, segment: "ENTERPRISE" });
    const [a1, a2, a3] = [await acc(csm1.id, "Q Alpha"), await acc(csm2.id, "Q Beta"), await acc(csm3.id, "Q Gamma")];
    const r1 = await createRenewal(a1.id, ae.id, { renewalDate: d("2027-01-15"), amountCents: 10_000_000n });
    await prisma.renewalOpportunity.update({ where: { id: r1.id }, data: { upliftPct: 5 } });
    const r2 = await createRenewal(a1.id, ae.id, { renewalDate: d("2027-02-15"), amountCents: 5_000_000n });
    const r3 = await createRenewal(a2.id, ae.id, { renewalDate: d("2027-03-01"), amountCents: 8_000_000n });
    const r4 = await createRenewal(a2.id, ae.id, { renewalDate: d("2027-01-05"), amountCents: 2_000_000n, stage: "CLOSED_LOST" });
    await prisma.renewalOpportunity.update({ where: { id: r4.id }, data: { closedAmountCents: 0n } });
    const r5 = await createRenewal(a3.id, ae.id, { renewalDate: d("2027-02-01"), amountCents: 4_000_000n, stage: "CLOSED_WON" });
    await prisma.renewalOpportunity.update({ where: { id: r5.id }, data: { closedAmountCents: 4_400_000n } });
    const r6 = await createRenewal(a3.id, ae.id, { renewalDate: d("2027-03-20"), amountCents: 1_000_000n });
    // Next quarter: one renewal forecast flat.
    const nextQuarter = await createRenewal(a3.id, ae.id, { renewalDate: d("2027-04-10"), amountCents: 3_000_000n });
    await prisma.renewalOpportunity.update({ where: { id: nextQuarter.id }, data: { upliftPct: 3.33 } });
    // Last week's snapshot, before the calls below (everything Pipeline flat then).
    await snapshotForecasts(later(-7));
    await setForecast(csm1, { renewalId: r1.id, category: "COMMIT", amount: "105000", outcome: "FLAT" }, NOW);
    await setForecast(csm1, { renewalId: r2.id, category: "AT_RISK", amount: "30000", outcome: "DOWNSELL" }, NOW);
    await setForecast(csm3, { renewalId: r6.id, category: "OMITTED", amount: "10000", outcome: "FLAT" }, NOW);
    return { m1, csm1, csm2, csm3, ae, r1, r2, r3, r4, r5, r6 };
  }

  it("computes the quarter's forecast GRR and NRR as worked by hand, and the roll-up equals the sum of its rows", async () => {
    const { m1, csm1, r2 } = await quarterFixture();
    const leader = await createUser("LEADERSHIP");
    const page = await getForecast(leader, forecastParams.parse({ quarter: "2027-Q1" }), NOW);
    // In the forecast (r6 Omitted): ARR up 100 + 50 + 80 + 20 + 40 = $290,000.
    // Expected: 105 (commit, flat with 5%) + 30 (at risk) + 80 (pipeline flat) + 0 (lost) + 44 (won) = $259,000 → NRR 89.3%.
    // Retained, capped at ARR up: 100 + 30 + 80 + 0 + 40 = $250,000 → GRR 86.2%. Without the 5% uplift: 254 / 290 → 87.5%.
    expect(page.rows.count).toBe(6);
    expect(page.sums.dueCents).toBe(30_000_000n);
    expect(page.sums.forecastBaseCents).toBe(29_000_000n);
    expect(page.sums.expectedCents).toBe(25_900_000n);
    expect(page.rates).toEqual({ grrPct: 86.2, nrrPct: 89.3, nrrWithoutUpliftPct: 87.5 });
    expect(Object.fromEntries(Object.entries(page.sums.buckets).map(([k, v]) => [k, [v.renewals, v.cents]]))).toEqual({
      COMMIT: [1, 10_500_000n], BEST_CASE: [0, 0n], PIPELINE: [1, 8_000_000n], AT_RISK: [1, 3_000_000n], OMITTED: [1, 1_000_000n], CLOSED_WON: [1, 4_400_000n], CLOSED_LOST: [1, 2_000_000n],
    });
    // Next quarter: $30,000 with a 3.33% uplift, not called: flat = $30,999.00 → NRR 103.3%, 100% without the uplift.
    expect(page.next.sums.expectedCents).toBe(3_099_900n);
    expect(page.next.rates).toEqual({ grrPct: 100, nrrPct: 103.3, nrrWithoutUpliftPct: 100 });

    // Roll-up: company = Σ managers = Σ CSMs = Σ rows.
    const rows = await listForecastRows(leader, forecastParams.parse({ quarter: "2027-Q1" }), NOW);
    expect(rows).toHaveLength(6);
    expect(page.rollUp.sums).toEqual(sumRows(rows.map(toForecastRow)));
    expect(page.rollUp.children.map((m) => m.name)).toEqual(["M1 Manager", "No manager"]);
    expect(page.rollUp.sums).toEqual(mergeSums(page.rollUp.children.map((m) => m.sums)));
    // Only the opened team's CSMs are read; each team, opened, equals the sum of its CSMs.
    expect(page.rollUp.children.map((m) => m.children.length)).toEqual([0, 0]);
    for (const team of [m1.id, "none"]) {
      const opened = await getForecast(leader, forecastParams.parse({ quarter: "2027-Q1", team }), NOW);
      const manager = opened.rollUp.children.find((m) => (m.id ?? "none") === team)!;
      expect(manager.children.length).toBeGreaterThan(0);
      expect(manager.sums).toEqual(mergeSums(manager.children.map((c) => c.sums)));
      expect(opened.rollUp.children.filter((m) => m !== manager).map((m) => m.children.length)).toEqual([0]);
    }
    expect(page.rollUp.children[0]?.id).toBe(m1.id);
    const m1Team = await getForecast(leader, forecastParams.parse({ quarter: "2027-Q1", team: m1.id }), NOW);
    expect(m1Team.rollUp.children[0]?.children.map((c) => [c.name, c.sums.expectedCents])).toEqual([["C1 Csm", 13_500_000n], ["C2 Csm", 8_000_000n]]);

    // Changes since last week: r2 became At risk ($50,000 → $30,000), r1 moved up (Pipeline → Commit at the same $105,000), r6 left the forecast.
    const byKind = Object.fromEntries(page.waterfall.buckets.map((b) => [b.kind, [b.renewals, b.deltaCents]]));
    expect(byKind.newAtRisk).toEqual([1, -2_000_000n]);
    expect(byKind.upgraded).toEqual([1, 0n]);
    expect(page.waterfall.buckets.reduce((sum, b) => sum + b.deltaCents, page.waterfall.lastWeekCents)).toBe(page.waterfall.thisWeekCents);

    // Drilling into At risk lists r2 alone; a CSM sees only their book.
    const atRisk = await getForecast(leader, forecastParams.parse({ quarter: "2027-Q1", bucket: "AT_RISK" }), NOW);
    expect(atRisk.rows.data.map((r) => r.id)).toEqual([r2.id]);
    const mine = await getForecast(csm1, forecastParams.parse({ quarter: "2027-Q1", csm: "someone-else" }), NOW);
    expect(mine.rows.count).toBe(2);
    expect(mine.sums.expectedCents).toBe(13_500_000n);
  });

  it("measures accuracy at 90 and 30 days out, late surprises and the Brier score from snapshots of closed renewals", async () => {
    const { csm, ae, account } = await book();
    const lost = await createRenewal(account.id, ae.id, { renewalDate: d("2026-10-15"), amountCents: 10_000_000n, stage: "CLOSED_LOST" });
    await prisma.renewalOpportunity.update({ where: { id: lost.id }, data: { closedAmountCents: 0n } });
    const won = await createRenewal(account.id, ae.id, { renewalDate: d("2026-10-15"), amountCents: 5_000_000n, stage: "CLOSED_WON" });
    await prisma.renewalOpportunity.update({ where: { id: won.id }, data: { closedAmountCents: 5_000_000n } });
    const snap = (renewalOpportunityId: string, week: string, category: "COMMIT" | "PIPELINE", amountCents: bigint, likelihood: number) =>
      ({ renewalOpportunityId, weekStart: d(week), category, amountCents, outcome: "FLAT" as const, baseAmountCents: amountCents, likelihood, csmId: csm.id });
    await prisma.forecastSnapshot.createMany({
      data: [
        snap(lost.id, "2026-07-13", "COMMIT", 10_000_000n, 80), // 94 days out
        snap(lost.id, "2026-09-14", "COMMIT", 10_000_000n, 70), // 31 days out
        snap(won.id, "2026-07-13", "PIPELINE", 5_000_000n, 60),
      ],
    });
    const page = await getForecast(csm, forecastParams.parse({}), NOW);
    // 90 days: |100k − 0| + |50k − 50k| = 100k off of 150k up → 33.3%. Brier: (0.8 − 0)² = 0.64, (0.6 − 1)² = 0.16 → 0.4.
    expect(page.accuracy.company.at90).toMatchObject({ renewals: 2, absErrorCents: 10_000_000n, accuracyPct: 33.3 });
    expect(page.accuracy.company.at30).toMatchObject({ renewals: 2, absErrorCents: 10_000_000n, accuracyPct: 33.3 });
    expect(page.accuracy.company.brier).toBe(0.4);
    expect(page.accuracy.company.lateSurprises).toBe(1);
    expect(page.accuracy.surprises.items.map((s) => s.id)).toEqual([lost.id]);
    expect(page.accuracy.byCsm.map((g) => [g.name, g.at90.renewals])).toEqual([["Ada Csm", 2]]);
    expect(page.accuracy.byManager.map((g) => g.name)).toEqual(["Grace Manager"]);
  });

  it("summarises churn and downsell reasons from the ledger with the accounts behind each", async () => {
    const { csm, account } = await book();
    const other = await createAccount({ name: "Zed Co", csmId: csm.id });
    await prisma.arrMovement.createMany({
      data: [
        { accountId: account.id, date: d("2026-10-01"), type: "NEW", amountCents: 9_000_000n },
        { accountId: other.id, date: d("2026-10-01"), type: "NEW", amountCents: 9_000_000n },
        { accountId: account.id, date: d("2026-11-02"), type: "CONTRACTION", amountCents: 2_000_000n, reason: "Budget", addressable: false },
        { accountId: other.id, date: d("2026-11-03"), type: "CHURN", amountCents: 9_000_000n, reason: "Budget", addressable: false },
        { accountId: account.id, date: d("2026-11-04"), type: "CONTRACTION", amountCents: 1_000_000n, reason: "Product gap", addressable: true },
      ],
    });
    const page = await getForecast(csm, forecastParams.parse({ quarter: "2026-Q4" }), NOW);
    expect(page.reasons.map((r) => [r.reason, r.addressable, r.lostCents, r.accounts.items.map((a) => a.name)])).toEqual([
      ["Budget", false, 11_000_000n, ["Zed Co", "Forecast Co"]],
      ["Product gap", true, 1_000_000n, ["Forecast Co"]],
    ]);
  });
});
