import { businessDayOnOrAfter, businessDayOnOrBefore } from "@/lib/touchpoints/schedule";
import { companyToday } from "@/lib/calendar/company-day";
import { addDays, addMonthsUtc, daysBetween } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { contactRows, planAccounts, type AccountPlan } from "@/lib/demo/accounts";
import { assignBooks, csmProfileRows, demoCsms, settleCapacity, type DemoCsm } from "@/lib/demo/assign";
import { PRODUCTS } from "@/lib/demo/catalogue";
import { firstDealAmount, initialProducts, openStage, termFor, type DemoProduct } from "@/lib/demo/deal-details";
import { historicalHandoff } from "@/lib/demo/handoffs";
import { createDeal, simulateCustomers, type DealRecord, type HistoryContext, type RenewalRecord } from "@/lib/demo/history";
import { AES, buildUsers, CSMS, type DemoUser } from "@/lib/demo/people";
import { createRng, type Rng } from "@/lib/demo/random";
import { planRecent, type RecentPlan } from "@/lib/demo/recent";
import { accountRow } from "@/lib/demo/account-row";
import { onboardingTouchpoints, renewalTouchpoints } from "@/lib/demo/touchpoints";

// The whole demo company as plain rows, computed without touching the database. Everything is a function
// of the seed and of `today`, so the same day always gives the same data and the data always looks current.

export const DEMO_SEED = "baton-demo-v1";
const ACCOUNT_COUNTS = { total: 293, prospects: 24, lost: 16 };
const UNASSIGNED_WITH_RENEWAL = 3;
const HISTORY_CUTOFF_DAYS = 14;

export interface DemoPlan {
  today: Date;
  users: DemoUser[];
  csms: DemoCsm[];
  products: DemoProduct[];
  profiles: ReturnType<typeof csmProfileRows>;
  accounts: Prisma.AccountCreateManyInput[];
  contacts: Prisma.ContactCreateManyInput[];
  deals: DealRecord[];
  movements: Prisma.ArrMovementCreateManyInput[];
  renewals: RenewalRecord[];
  handoffs: Prisma.HandoffCreateManyInput[];
  policySteps: Prisma.HandoffPolicyStepCreateManyInput[];
  assignments: Prisma.CsmAssignmentCreateManyInput[];
  touchpoints: Prisma.TouchpointCreateManyInput[];
  recent: RecentPlan[];
}

export function generateDemo(now: Date): DemoPlan {
  const root = createRng(DEMO_SEED);
  const calendar = DEFAULT_SETTINGS.calendar;
  const today = companyToday(now, calendar.timezone);
  const productRng = root.fork("products");
  const products: DemoProduct[] = PRODUCTS.map((product) => ({ ...product, id: productRng.id() }));
  const users = buildUsers(root.fork("users"));
  const idByEmail = new Map(users.map((user) => [user.email, user.id]));
  let dealNumber = 0;
  const ctx: HistoryContext = {
    rng: root.fork("history"),
    today,
    start: addMonthsUtc(today, -36),
    timezone: calendar.timezone,
    workingCalendar: calendar,
    products,
    aeIdByEmail: idByEmail,
    nextDealNumber: () => ++dealNumber,
    winbacks: { remaining: 2 },
  };

  // Accounts and their revenue history.
  const plans = planAccounts(root.fork("accounts"), AES, ACCOUNT_COUNTS);
  const histories = simulateCustomers(ctx, plans.filter((account) => account.kind === "customer"));
  const deals: DealRecord[] = [];
  for (const account of plans) {
    const history = histories.get(account.id);
    if (history) deals.push(...history.deals);
    else deals.push(prospectDeal({ ...ctx, rng: ctx.rng.fork(account.externalId) }, account));
  }

  // Books: active customers spread over the CSMs; a few renewals coming up are left without a CSM.
  const rng = root.fork("books");
  const csms = demoCsms(rng, CSMS, idByEmail);
  const active = plans.filter((account) => (histories.get(account.id)?.arrCents ?? 0) > 0);
  const renewingSoon = active.filter((account) => {
    const renewal = histories.get(account.id)?.openRenewal;
    return account.segment !== "ENTERPRISE" && renewal && daysBetween(today, renewal.row.renewalDate) <= 90;
  });
  const unassigned = new Set(rng.sample(renewingSoon, UNASSIGNED_WITH_RENEWAL).map((account) => account.id));
  const books = assignBooks(
    csms,
    active.filter((account) => !unassigned.has(account.id)).map((account) => ({ account, arrCents: histories.get(account.id)?.arrCents ?? 0 })),
  );
  settleCapacity(csms);
  const formerCsm = (account: AccountPlan): DemoCsm | null => {
    const tier = csms.filter((csm) => csm.tier === account.segment);
    return tier.length > 0 ? rng.pick(tier) : null;
  };

  // The demo CSM's customer that buys an add-on this week: renewal far enough out to co-term with.
  const csmBook = active.filter((account) => {
    const renewal = histories.get(account.id)?.openRenewal;
    return books.get(account.id)?.email === "csm@baton.test" && renewal && daysBetween(today, renewal.row.renewalDate) > 60;
  });
  const csmAccount = csmBook.find((account) => account.aeEmail === "ae@baton.test") ?? csmBook[0];
  const csmUser = csms.find((csm) => csm.email === "csm@baton.test");
  const csmRenewal = csmAccount ? histories.get(csmAccount.id)?.openRenewal : undefined;
  if (!csmAccount || !csmUser || !csmRenewal) throw new Error("the demo CSM has no account to expand");
  const recent = planRecent({ ...ctx, rng: root.fork("recent") }, csms, {
    account: csmAccount,
    csm: csmUser,
    renewalDate: csmRenewal.row.renewalDate,
  });
  settleCapacity(csms);

  // Rows per account: contacts, handoffs of past closed-won deals, touchpoints around today.
  const contacts: Prisma.ContactCreateManyInput[] = [];
  const accounts: Prisma.AccountCreateManyInput[] = [];
  const handoffs: Prisma.HandoffCreateManyInput[] = [];
  const policySteps: Prisma.HandoffPolicyStepCreateManyInput[] = [];
  const assignments: Prisma.CsmAssignmentCreateManyInput[] = [];
  const touchpoints: Prisma.TouchpointCreateManyInput[] = [];
  const managerIdOf = (csm: DemoCsm | null) => idByEmail.get(csm?.managerEmail ?? "manager@baton.test") ?? "";
  const detailRng = root.fork("details");
  const handoffCtx = { rng: root.fork("handoffs"), calendar, now: today, slaHours: DEFAULT_SETTINGS.handoff.slaBusinessHours };
  const touchCtx = { rng: root.fork("touchpoints"), today, timing: DEFAULT_SETTINGS.timing, workingCalendar: calendar, timezone: calendar.timezone };

  for (const account of plans) {
    const history = histories.get(account.id) ?? null;
    // Each account draws from its own stream, so a change in one account's history leaves the others alone.
    const accountRng = detailRng.fork(account.externalId);
    const accountContacts = contactRows(accountRng, account);
    contacts.push(...accountContacts);
    const current = books.get(account.id) ?? null;
    const acting = current ?? (history ? formerCsm(account) : null);
    let assignedOn: Date | null = null;
    for (const deal of history?.deals ?? []) {
      const closedWonAt = deal.row.closedWonAt as Date | null;
      if (!closedWonAt || deal.row.type === "RENEWAL" || daysBetween(deal.row.closeDate, today) < HISTORY_CUTOFF_DAYS) continue;
      const alternative = csms.find((csm) => csm.tier === account.segment && csm !== acting) ?? null;
      const made = historicalHandoff(handoffCtx, {
        deal, account, csmId: acting?.id ?? null, alternativeCsmId: alternative?.id ?? null, managerId: managerIdOf(acting), contacts: accountContacts,
      });
      handoffs.push(made.handoff);
      policySteps.push(...made.steps);
      if (made.assignment) assignments.push(made.assignment);
      assignedOn = made.assignedOn ?? assignedOn;
    }
    if (current && history) {
      const overdue = current.email === "csm@baton.test" ? 0.15 : 0.06;
      for (const deal of history.deals) {
        if (deal.row.type === "NEW" && deal.row.stage === "CLOSED_WON" && daysBetween(deal.row.closeDate, today) <= 120) {
          touchpoints.push(...onboardingTouchpoints(touchCtx, deal, current.id, overdue));
        }
      }
      const renewal = history.openRenewal;
      const days = renewal ? daysBetween(today, renewal.row.renewalDate) : Infinity;
      if (renewal && days >= -10 && days <= 150) touchpoints.push(...renewalTouchpoints(touchCtx, renewal, current.id, overdue));
    }
    accounts.push(accountRow(accountRng, { account, history, csm: current, assignedOn, today, deals: history?.deals ?? deals.filter((deal) => deal.row.accountId === account.id) }));
  }
  for (const plan of recent) {
    if (!plan.newContacts) continue;
    contacts.push(...plan.newContacts);
    accounts.push(accountRow(detailRng.fork(plan.account.externalId), { account: plan.account, history: null, csm: null, assignedOn: null, today, deals: [plan.deal] }));
  }
  ensureOverdue(touchpoints, csmUser.id, today);
  handOverSomeAccounts(root.fork("ae-changes"), accounts, AES.map((ae) => idByEmail.get(ae.email) ?? ""));

  return {
    today,
    users,
    csms,
    products,
    profiles: csmProfileRows(csms, products),
    accounts,
    contacts,
    deals: [...deals, ...recent.map((plan) => plan.deal)],
    movements: [...histories.values()].flatMap((history) => history.movements),
    renewals: [...histories.values()].flatMap((history) => history.renewals),
    handoffs,
    policySteps,
    assignments,
    touchpoints,
    recent,
  };
}

/** An open new-business deal (prospect) or one lost to a competitor somewhere in the last three years. */
function prospectDeal(ctx: HistoryContext, account: AccountPlan): DealRecord {
  const { rng, today } = ctx;
  const amount = firstDealAmount(rng, account.segment);
  const products = initialProducts(rng, ctx.products, account.segment);
  const term = termFor(rng, account.segment);
  if (account.kind === "prospect") {
    const close = businessDayOnOrAfter(addDays(today, rng.int(6, 120)), ctx.workingCalendar);
    return createDeal(ctx, account, { type: "NEW", stage: openStage(rng, daysBetween(today, close)), close, amount, term, products });
  }
  const span = daysBetween(ctx.start, today) - 20;
  const close = businessDayOnOrBefore(addDays(ctx.start, rng.int(10, span)), ctx.workingCalendar);
  return createDeal(ctx, account, { type: "NEW", stage: "CLOSED_LOST", close, amount, term, products });
}

/**
 * A few customers moved to another AE after their initial signing (territory changes), so the original AE no longer
 * earns expansion credit on them (policy 003) and the dashboard has such accounts to show.
 */
function handOverSomeAccounts(rng: Rng, accounts: Prisma.AccountCreateManyInput[], aeIds: readonly string[]): void {
  for (const account of accounts) {
    if (!account.initialSignedAt || !account.aeId || !rng.chance(0.05)) continue;
    account.aeId = rng.pick(aeIds.filter((id) => id && id !== account.aeId));
  }
}

/** The demo CSM always has a couple of overdue touchpoints to show. */
function ensureOverdue(touchpoints: Prisma.TouchpointCreateManyInput[], ownerId: string, today: Date): void {
  const past = touchpoints.filter((row) => row.ownerId === ownerId && daysBetween(row.dueDate as Date, today) > 0);
  const overdue = past.filter((row) => row.status === "PLANNED").length;
  const latestDone = past
    .filter((row) => row.status === "DONE")
    .sort((a, b) => (b.dueDate as Date).getTime() - (a.dueDate as Date).getTime());
  for (const row of latestDone.slice(0, Math.max(0, 2 - overdue))) {
    Object.assign(row, { status: "PLANNED", completedAt: null, notes: "" });
  }
}
