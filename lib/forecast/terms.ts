import { addCalendarDaysUtc } from "@/lib/forecast/week";
import type { ForecastCall } from "@/lib/forecast/categories";

// Contract terms that drive the forecast's dates and amounts (issue 12 §2).

export interface ContractTerms {
  renewalDate: Date;
  /** The notice the customer must give to cancel; null or 0 = none. */
  noticeDays: number | null;
  autoRenew: boolean;
  /** The contractual price uplift in percent (e.g. 5 = +5%). */
  upliftPct: number;
  /** ARR up for renewal. */
  amountCents: bigint;
}

/**
 * The real decision date: the last day the customer can still say no. With a notice period it is the renewal date
 * minus the notice days (a 60-day notice on a June 30 renewal: May 1); without one, the renewal date. An auto-renewing
 * contract without notice renews on its date, so its decision date is the renewal date too.
 */
export function decisionDate(terms: Pick<ContractTerms, "renewalDate" | "noticeDays">): Date {
  const notice = terms.noticeDays ?? 0;
  return notice > 0 ? addCalendarDaysUtc(terms.renewalDate, -notice) : terms.renewalDate;
}

/** A flat renewal renews at the contract's price plus its uplift: $100,000 with 7% → $107,000 (to the cent, half up). */
export function flatAmountCents(terms: Pick<ContractTerms, "amountCents" | "upliftPct">): bigint {
  const basisPoints = BigInt(Math.round(terms.upliftPct * 100));
  return (terms.amountCents * (10_000n + basisPoints) + 5_000n) / 10_000n;
}

/** The contractual uplift in cents (the part of a flat renewal that is price, not growth). */
export function upliftCents(terms: Pick<ContractTerms, "amountCents" | "upliftPct">): bigint {
  return flatAmountCents(terms) - terms.amountCents;
}

/** The forecast a renewal has before anybody calls it: Pipeline, flat with the uplift. */
export function defaultForecast(terms: Pick<ContractTerms, "amountCents" | "upliftPct">): ForecastCall {
  return { category: "PIPELINE", amountCents: flatAmountCents(terms), outcome: "FLAT" };
}

/**
 * The outcome an amount means against the flat amount: 0 is churn, below flat a downsell, above an uplift. Used to
 * check a call that says "flat" at another amount, and to default the outcome field.
 */
export function outcomeForAmount(amountCents: bigint, terms: Pick<ContractTerms, "amountCents" | "upliftPct">): ForecastCall["outcome"] {
  if (amountCents <= 0n) return "CHURN";
  const flat = flatAmountCents(terms);
  if (amountCents < flat) return "DOWNSELL";
  if (amountCents > flat) return "UPLIFT";
  return "FLAT";
}
