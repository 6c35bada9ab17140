import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { AccountInput, DealInput, DealProductInput } from "@/lib/assignment/types";
import type { HandoffType } from "@/lib/generated/prisma/enums";
import { accountBookArr } from "@/lib/server/assignments/csm-load";
import { checklistDraftSchema } from "@/lib/handoff/checklist";
import { materialFacts } from "@/lib/handoff/material";

// What the engine needs to know about the account being assigned, read the same way when the suggestion is
// made and when a CS manager's approval re-checks it.

export interface SuggestionContext {
  accountId: string;
  accountName: string;
  accountCsmId: string | null;
  handoffType: HandoffType | null;
  /** The deal's close date: the assignment's effective date. Null for a handoff without a deal. */
  closeDate: Date | null;
  account: AccountInput;
  deal: DealInput;
  products: DealProductInput[];
  /** Whether the account is strategic, as the checklist or the account says (shown to the manager). */
  strategic: boolean;
}

const productSelect = { product: { select: { id: true, name: true, technical: true } } } as const;

/**
 * The account and products behind a handoff (or, without one, the account alone). The ARR checked against
 * the CSM's limits is the deal's ARR for a new customer — its Account.arrCents may still be 0 — and the
 * account's book ARR otherwise (an expansion or renewal of a customer who has no CSM). While the AE is still
 * filling in the checklist, its answers on products, segment and on-site need stand in for the records', so a
 * manager approving during the checklist decides on what the AE has entered.
 */
export async function loadSuggestionContext(tx: Tx, target: { handoffId: string | null; accountId?: string }): Promise<SuggestionContext> {
  const handoff = target.handoffId
    ? await tx.handoff.findUnique({
        where: { id: target.handoffId },
        select: {
          type: true,
          status: true,
          checklist: true,
          accountId: true,
          deal: { select: { amountCents: true, closeDate: true, products: { select: productSelect } } },
          renewalOpportunity: { select: { amountCents: true, products: { select: productSelect } } },
        },
      })
    : null;
  if (target.handoffId && !handoff) throw notFound("The handoff");
  const accountId = handoff?.accountId ?? target.accountId;
  if (!accountId) throw notFound("The account");
  const account = await tx.account.findUnique({
    where: { id: accountId },
    select: { id: true, name: true, csmId: true, segment: true, industry: true, region: true, timezone: true, primaryLanguage: true, needsOnsite: true, strategic: true },
  });
  if (!account) throw notFound("The account");

  const recorded = (handoff?.deal?.products ?? handoff?.renewalOpportunity?.products ?? []).map((entry) => entry.product);
  const facts = materialFacts(handoff?.status === "IN_PROGRESS" ? checklistDraftSchema.catch({}).parse(handoff.checklist) : {}, {
    productIds: recorded.map((product) => product.id),
    segment: account.segment,
    strategic: account.strategic,
    needsOnsite: account.needsOnsite,
  });
  const sameProducts = facts.productIds.length === recorded.length && recorded.every((product) => facts.productIds.includes(product.id));
  const chosen = sameProducts ? recorded : await tx.product.findMany({ where: { id: { in: facts.productIds } }, select: { id: true, name: true, technical: true } });
  const products = [...chosen].sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id));
  let arrCents: bigint;
  if (handoff?.type === "NEW_CUSTOMER" && handoff.deal) arrCents = handoff.deal.amountCents;
  else {
    arrCents = await accountBookArr(tx, account.id);
    if (arrCents === 0n) arrCents = handoff?.deal?.amountCents ?? handoff?.renewalOpportunity?.amountCents ?? 0n;
  }

  return {
    accountId: account.id,
    accountName: account.name,
    accountCsmId: account.csmId,
    handoffType: handoff?.type ?? null,
    closeDate: handoff?.deal?.closeDate ?? null,
    strategic: facts.strategic,
    account: {
      segment: facts.segment,
      industry: account.industry,
      region: account.region,
      timezone: account.timezone,
      primaryLanguage: account.primaryLanguage,
      needsOnsite: facts.needsOnsite,
      arrCents,
    },
    deal: { products },
    products,
  };
}
