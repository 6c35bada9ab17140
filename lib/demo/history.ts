import { businessDayOnOrBefore, type WorkingCalendar } from "@/lib/touchpoints/schedule";
import { atLocalTime } from "@/lib/zoned-time";
import { addDays, addMonthsUtc, daysBetween } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DealStage, DealType, Segment } from "@/lib/generated/prisma/enums";
import type { AccountPlan } from "@/lib/demo/accounts";
import {
  dealContext, expansionProduct, firstDealAmount, initialProducts, openRenewalStage, openStage, roundAmount, termFor,
  type DemoProduct,
} from "@/lib/demo/deal-details";
import type { Rng } from "@/lib/demo/random";

// Three years of one account's revenue: the first deal, expansions during each term, and at each renewal
// date a renewal (flat, up or down) or churn. Every ARR change is an ArrMovement, so the account's ARR is
// always the sum of its movements.

export interface HistoryContext {
  rng: Rng;
  /** Today in the company time zone, as a UTC-midnight date. */
  today: Date;
  /** Where the history starts (three years back). */
  start: Date;
  timezone: string;
  workingCalendar: WorkingCalendar;
  products: readonly DemoProduct[];
  aeIdByEmail: ReadonlyMap<string, string>;
  nextDealNumber: () => number;
  /** Churned accounts that come back later with a new deal; counts down. */
  winbacks: { remaining: number };
}

export interface DealRecord {
  row: Prisma.DealCreateManyInput & { id: string; closeDate: Date };
  products: DemoProduct[];
}

export interface RenewalRecord {
  row: Prisma.RenewalOpportunityCreateManyInput & { id: string; renewalDate: Date };
  products: DemoProduct[];
}

export interface AccountHistory {
  deals: DealRecord[];
  movements: Prisma.ArrMovementCreateManyInput[];
  renewals: RenewalRecord[];
  arrCents: number;
  initialSignedAt: Date | null;
  churnedAt: Date | null;
  contracted: boolean;
  /** The still-open renewal of the current contract, if the account is a customer. */
  openRenewal: RenewalRecord | null;
}

const EXPANSION_RATE: Record<Segment, number> = { ENTERPRISE: 0.65, MID_MARKET: 0.5, SCALE: 0.3 };
const EXPANSION_SHARE: Record<Segment, [number, number]> = {
  ENTERPRISE: [0.12, 0.42],
  MID_MARKET: [0.15, 0.5],
  SCALE: [0.25, 0.7],
};
// Shares of renewals by outcome: larger customers churn less but negotiate down more often.
const RENEWAL_OUTCOMES: Record<Segment, ReadonlyArray<readonly [RenewalOutcome, number]>> = {
  ENTERPRISE: [["churn", 8], ["down", 24], ["up", 30], ["flat", 38]],
  MID_MARKET: [["churn", 13], ["down", 16], ["up", 25], ["flat", 46]],
  SCALE: [["churn", 18], ["down", 12], ["up", 18], ["flat", 52]],
};
const SALES_CYCLE_DAYS: Record<Segment, [number, number]> = {
  ENTERPRISE: [60, 180],
  MID_MARKET: [30, 90],
  SCALE: [10, 45],
};

function dealName(account: AccountPlan, type: DealType, products: readonly DemoProduct[], close: Date): string {
  if (type === "NEW") return `${account.name} — New business`;
  if (type === "RENEWAL") return `${account.name} — Renewal ${close.getUTCFullYear()}`;
  return `${account.name} — Expansion (${products.map((product) => product.name).join(", ")})`;
}

export function createDeal(
  ctx: HistoryContext,
  account: AccountPlan,
  input: { type: DealType; stage: DealStage; close: Date; amount: number; term: number; products: DemoProduct[]; start?: Date },
): DealRecord {
  const { rng } = ctx;
  const won = input.stage === "CLOSED_WON";
  const cycle = input.type === "NEW" ? SALES_CYCLE_DAYS[account.segment] : [14, 60];
  const createdDay = addDays(input.close, -rng.int(cycle[0] ?? 14, cycle[1] ?? 60));
  const created = createdDay.getTime() < ctx.today.getTime() ? createdDay : addDays(ctx.today, -rng.int(1, 10));
  return {
    row: {
      id: rng.id(),
      externalId: `OPP-${String(ctx.nextDealNumber()).padStart(5, "0")}`,
      accountId: account.id,
      name: dealName(account, input.type, input.products, input.close),
      type: input.type,
      stage: input.stage,
      amountCents: BigInt(input.amount),
      termMonths: input.term,
      closeDate: input.close,
      contractStart: won || input.type !== "NEW" ? (input.start ?? input.close) : null,
      ownerId: ctx.aeIdByEmail.get(account.aeEmail) ?? "",
      closedWonAt: won ? atLocalTime(input.close, rng.int(9, 17), rng.pick([0, 10, 15, 25, 30, 40, 45, 50]), ctx.timezone) : null,
      createdAt: atLocalTime(created, rng.int(9, 17), rng.int(0, 59), ctx.timezone),
      ...dealContext(rng, input.type, input.stage, account.segment, input.products),
    },
    products: input.products,
  };
}

function renewalFor(ctx: HistoryContext, account: AccountPlan, deal: DealRecord): RenewalRecord {
  const start = (deal.row.contractStart as Date | null) ?? deal.row.closeDate;
  return {
    row: {
      id: ctx.rng.id(),
      accountId: account.id,
      originalDealId: deal.row.id,
      name: `${account.name} — Renewal ${addMonthsUtc(start, deal.row.termMonths).getUTCFullYear()}${deal.row.type === "EXPANSION" ? " (expansion)" : ""}`,
      amountCents: deal.row.amountCents,
      renewalDate: addMonthsUtc(start, deal.row.termMonths),
      stage: "RENEWAL_PENDING",
      originalCloseDate: deal.row.closeDate,
      contractTermMonths: deal.row.termMonths,
      createdAt: (deal.row.closedWonAt as Date | null) ?? deal.row.closeDate,
    },
    products: deal.products,
  };
}

function movement(
  account: AccountPlan,
  type: Prisma.ArrMovementCreateManyInput["type"],
  date: Date,
  amount: number,
  dealId: string | null,
  renewalId: string | null = null,
  loss: LossRecord | null = null,
): Prisma.ArrMovementCreateManyInput {
  // A won new-business or expansion deal's own movement is its contract movement (one per deal).
  const contract = renewalId === null && (type === "NEW" || type === "EXPANSION") ? dealId : null;
  return {
    accountId: account.id, type, date, amountCents: BigInt(amount), sourceDealId: dealId, contractDealId: contract, renewalOpportunityId: renewalId, createdAt: date,
    ...(loss ? { reason: loss.lossReason, reasonNote: loss.lossNote, addressable: loss.lossAddressable } : {}),
  };
}

interface LossRecord {
  lossReason: string;
  lossNote: string;
  lossAddressable: boolean;
}

// Why customers leave or shrink, with how often and whether the CSM could have done something: believable shares
// for the demo's churn and downsell reports.
const LOSS_REASONS: ReadonlyArray<readonly [string, number, boolean]> = [
  ["Budget", 22, false],
  ["Price", 18, true],
  ["Product gap", 15, true],
  ["Champion left", 14, true],
  ["Competitor", 12, true],
  ["Acquired / merged", 8, false],
  ["Went out of business", 6, false],
  ["Other", 5, false],
];
const OTHER_NOTES = ["Consolidated onto the parent company's contract", "Project cancelled after a reorganisation", "Moved the team to another region's tool"];

function lossFor(rng: Rng): LossRecord {
  const total = LOSS_REASONS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [reason, weight, addressable] of LOSS_REASONS) {
    roll -= weight;
    if (roll < 0) return { lossReason: reason, lossNote: reason === "Other" ? rng.pick(OTHER_NOTES) : "", lossAddressable: addressable };
  }
  return { lossReason: "Budget", lossNote: "", lossAddressable: false };
}

/** Whole months from `from` until `until` (at least 1), so an expansion can be co-termed with the contract. */
export function monthsUntil(from: Date, until: Date): number {
  let months = 0;
  while (addMonthsUtc(from, months + 1).getTime() <= until.getTime()) months++;
  return Math.max(1, months);
}

/**
 * Expansion deals during one term, co-termed with the contract (they renew on the same date): won and lost
 * in the past, open ones in the coming months. Returns the won ones.
 */
function expansions(ctx: HistoryContext, account: AccountPlan, history: AccountHistory, owned: Set<string>, from: Date, until: Date): DealRecord[] {
  const { rng, today } = ctx;
  const won: DealRecord[] = [];
  let added = 0;
  for (let year = 0; addDays(from, year * 365).getTime() < until.getTime(); year++) {
    if (!rng.chance(EXPANSION_RATE[account.segment])) continue;
    let close = businessDayOnOrBefore(addDays(from, year * 365 + rng.int(45, 320)), ctx.workingCalendar);
    if (daysBetween(close, until) < 45) continue;
    const product = rng.chance(0.7) ? expansionProduct(rng, ctx.products, owned) : null;
    const products = product ? [product] : ctx.products.filter((entry) => owned.has(entry.id)).slice(0, 1);
    const [low, high] = EXPANSION_SHARE[account.segment];
    const amount = roundAmount(rng, Math.max(3_000, ((history.arrCents + added) / 100) * rng.float(low, high)));
    const daysAgo = daysBetween(close, today);
    if (daysAgo < 15) {
      if (daysAgo < -150) continue;
      close = addDays(today, Math.max(-daysAgo, rng.int(7, 25)));
      if (daysBetween(close, until) < 30) continue;
      const stage = openStage(rng, daysBetween(today, close));
      const term = monthsUntil(close, until);
      history.deals.push(createDeal(ctx, account, { type: "EXPANSION", stage, close, amount, term, products, start: addMonthsUtc(until, -term) }));
      continue;
    }
    const stage: DealStage = rng.chance(0.85) ? "CLOSED_WON" : "CLOSED_LOST";
    const term = monthsUntil(close, until);
    const deal = createDeal(ctx, account, { type: "EXPANSION", stage, close, amount, term, products, start: addMonthsUtc(until, -term) });
    history.deals.push(deal);
    if (stage !== "CLOSED_WON") continue;
    for (const entry of products) owned.add(entry.id);
    history.movements.push(movement(account, "EXPANSION", close, amount, deal.row.id));
    added += amount;
    won.push(deal);
  }
  return won;
}

export type RenewalOutcome = "churn" | "down" | "up" | "flat";

/** Where a customer's history waits for the outcome of a renewal. */
export interface RenewalPoint {
  date: Date;
  segment: Segment;
}

/**
 * A customer's whole history, from the first closed-won deal to today. It pauses at each renewal that is
 * due, and the caller decides the outcome (see simulateCustomers).
 */
export function* customerHistory(ctx: HistoryContext, account: AccountPlan): Generator<RenewalPoint, AccountHistory, RenewalOutcome> {
  const { rng, today } = ctx;
  const history: AccountHistory = {
    deals: [], movements: [], renewals: [], arrCents: 0, initialSignedAt: null, churnedAt: null, contracted: false, openRenewal: null,
  };
  const owned = new Set<string>();
  const startNew = (close: Date, products: DemoProduct[], term: number): DealRecord => {
    const amount = firstDealAmount(rng, account.segment);
    const deal = createDeal(ctx, account, { type: "NEW", stage: "CLOSED_WON", close, amount, term, products });
    for (const product of products) owned.add(product.id);
    history.deals.push(deal);
    history.movements.push(movement(account, "NEW", close, amount, deal.row.id));
    history.arrCents = amount;
    history.initialSignedAt ??= close;
    history.churnedAt = null;
    return deal;
  };

  const span = daysBetween(ctx.start, today) - 30;
  const firstClose = businessDayOnOrBefore(addDays(ctx.start, 5 + Math.floor(Math.pow(rng.next(), 0.8) * span)), ctx.workingCalendar);
  let deal = startNew(firstClose, initialProducts(rng, ctx.products, account.segment), termFor(rng, account.segment));

  for (;;) {
    const renewal = renewalFor(ctx, account, deal);
    const contractStart = (deal.row.contractStart as Date | null) ?? deal.row.closeDate;
    const renewalDate = renewal.row.renewalDate;
    const coTermed = expansions(ctx, account, history, owned, contractStart, renewalDate).map((won) => renewalFor(ctx, account, won));
    const term = [renewal, ...coTermed];
    history.renewals.push(...term);
    history.arrCents += coTermed.reduce((sum, entry) => sum + Number(entry.row.amountCents), 0);

    const daysLeft = daysBetween(today, renewalDate);
    if (daysLeft > 0 || (daysLeft > -10 && rng.chance(0.5))) {
      const stage = openRenewalStage(rng, daysLeft);
      for (const entry of term) entry.row.stage = stage;
      history.openRenewal = renewal;
      return history;
    }

    const outcome = yield { date: renewalDate, segment: account.segment };
    if (outcome === "churn") {
      const loss = lossFor(rng);
      history.movements.push(movement(account, "CHURN", renewalDate, history.arrCents, null, renewal.row.id, loss));
      const closedAt = atLocalTime(renewalDate, 12, 0, ctx.timezone);
      for (const entry of term) Object.assign(entry.row, { stage: "CLOSED_LOST", closedAmountCents: 0n, closedAt, ...loss });
      history.arrCents = 0;
      history.churnedAt = renewalDate;
      const comeback = businessDayOnOrBefore(addDays(renewalDate, rng.int(120, 260)), ctx.workingCalendar);
      if (ctx.winbacks.remaining <= 0 || daysBetween(comeback, today) < 30) return history;
      ctx.winbacks.remaining -= 1;
      deal = startNew(comeback, ctx.products.filter((product) => owned.has(product.id)).slice(0, 2), 12);
      continue;
    }

    const share = outcome === "down" ? -rng.float(0.12, 0.35) : outcome === "up" ? rng.float(0.05, 0.18) : 0;
    const delta = share === 0 ? 0 : roundAmount(rng, Math.abs((history.arrCents / 100) * share)) * Math.sign(share);
    const before = history.arrCents;
    const renewed = before + delta;
    const close = businessDayOnOrBefore(addDays(renewalDate, -rng.int(0, 20)), ctx.workingCalendar);
    const nextTerm = deal.row.termMonths === 12 && rng.chance(0.1) ? 24 : deal.row.termMonths;
    const products = ctx.products.filter((product) => owned.has(product.id));
    deal = createDeal(ctx, account, { type: "RENEWAL", stage: "CLOSED_WON", close, amount: renewed, term: nextTerm, products, start: renewalDate });
    history.deals.push(deal);
    const downsell = delta < 0 ? lossFor(rng) : null;
    if (delta !== 0) {
      history.movements.push(movement(account, delta > 0 ? "EXPANSION" : "CONTRACTION", renewalDate, Math.abs(delta), deal.row.id, renewal.row.id, downsell));
      if (delta < 0) history.contracted = true;
    }
    history.movements.push(movement(account, "RENEWAL", renewalDate, renewed, deal.row.id, renewal.row.id));
    history.arrCents = renewed;
    // The renewed ARR is split over the contract's opportunities in proportion to what each renewed.
    let left = renewed;
    term.forEach((entry, index) => {
      const part = index === term.length - 1 ? left : Math.round((Number(entry.row.amountCents) / before) * renewed);
      left -= part;
      // The renewal deal carries the next term; a downsell keeps its reason on the contract it shrank.
      Object.assign(entry.row, { stage: "CLOSED_WON", closedAmountCents: BigInt(part), closedAt: deal.row.closedWonAt, renewedByDealId: deal.row.id, ...(index === 0 && downsell ? downsell : {}) });
    });
  }
}

const GOLDEN = 0.618_033_988_749_895;

/**
 * Runs every customer's history side by side in date order and hands out renewal outcomes per segment from
 * a low-discrepancy sequence, so any period's renewals end up close to the intended churn / contraction /
 * uplift shares instead of swinging with the luck of the draw — retention looks the same whatever today is.
 */
export function simulateCustomers(ctx: HistoryContext, accounts: readonly AccountPlan[]): Map<string, AccountHistory> {
  const counters = new Map<Segment, number>();
  const phase = ctx.rng.next();
  const outcomeFor = (segment: Segment): RenewalOutcome => {
    const k = (counters.get(segment) ?? 0) + 1;
    counters.set(segment, k);
    let roll = (phase + k * GOLDEN) % 1;
    const weights = RENEWAL_OUTCOMES[segment];
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [outcome, weight] of weights) {
      roll -= weight / total;
      if (roll < 0) return outcome;
    }
    return "flat";
  };

  const histories = new Map<string, AccountHistory>();
  const running = accounts.map((account) => {
    const generator = customerHistory({ ...ctx, rng: ctx.rng.fork(account.externalId) }, account);
    return { account, generator, step: generator.next() };
  });
  for (;;) {
    let next: (typeof running)[number] | null = null;
    for (const entry of running) {
      if (entry.step.done) continue;
      if (!next || entry.step.value.date.getTime() < (next.step.value as RenewalPoint).date.getTime()) next = entry;
    }
    if (!next) break;
    const point = next.step.value as RenewalPoint;
    next.step = next.generator.next(outcomeFor(point.segment));
  }
  for (const entry of running) if (entry.step.done) histories.set(entry.account.id, entry.step.value);
  return histories;
}
