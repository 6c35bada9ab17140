import { addMonthsUtc, toIsoDate } from "@/lib/dates";

// The renewal opportunity every closed-won deal gets, exactly once (SPEC "Renewal opportunity", seed Step 2):
// amount = the deal's ARR, renewal date = contract start (default close date) + term months, the deal's
// products, stage RENEWAL_PENDING, and the original deal, close date and term kept as metadata.

export interface RenewalSourceDeal {
  id: string;
  name: string;
  accountName: string;
  amountCents: bigint;
  termMonths: number;
  closeDate: Date;
  contractStart: Date | null;
  productIds: string[];
}

export interface RenewalTerms {
  name: string;
  amountCents: bigint;
  renewalDate: Date;
  productIds: string[];
  stage: "RENEWAL_PENDING";
  originalDealId: string;
  originalCloseDate: Date;
  contractTermMonths: number;
}

/**
 * Contract start (or the close date when no start was recorded) plus the term in calendar months.
 * A start on the 31st clamps to the last day of a shorter month (Jan 31 + 1 month = Feb 28), so the
 * renewal never spills into the month after the one the contract ends in.
 */
export function renewalDateFor(closeDate: Date, contractStart: Date | null, termMonths: number): Date {
  return addMonthsUtc(contractStart ?? closeDate, termMonths);
}

export function renewalName(accountName: string, renewalDate: Date): string {
  return `${accountName} — Renewal ${toIsoDate(renewalDate)}`;
}

export function renewalTerms(deal: RenewalSourceDeal): RenewalTerms {
  const renewalDate = renewalDateFor(deal.closeDate, deal.contractStart, deal.termMonths);
  return {
    name: renewalName(deal.accountName, renewalDate),
    amountCents: deal.amountCents,
    renewalDate,
    // A copy, so the caller's deal and the opportunity never share one array.
    productIds: [...deal.productIds],
    stage: "RENEWAL_PENDING",
    originalDealId: deal.id,
    originalCloseDate: deal.closeDate,
    contractTermMonths: deal.termMonths,
  };
}
