import "server-only";
import type { Tx } from "@/lib/db";
import { companyToday } from "@/lib/calendar/company-day";
import { daysBetween } from "@/lib/dates";
import { renewalTerms, type RenewalSourceDeal } from "@/lib/renewals/renewal-terms";
import { assessRisk, dealRiskInput } from "@/lib/risk/assess";
import { recordRiskAssessment } from "@/lib/server/risk/reassess-risk";
import type { Settings } from "@/lib/settings/schema";
import { scheduleTouchpoints } from "@/lib/touchpoints/schedule";

type ClosedDeal = NonNullable<Awaited<ReturnType<typeof loadDeal>>>;

/**
 * The renewal side of the closed-won flow (000 steps 2, 7, 8), run inside closeDealWon's transaction: the
 * renewal opportunity (once per deal — "originalDealId" is unique in the database), the touchpoints of the
 * timing rules, and the initial risk assessment.
 */
export async function openRenewalPipeline(tx: Tx, dealId: string, settings: Settings, now: Date, actorId: string | null): Promise<void> {
  const deal = await loadDeal(tx, dealId);
  if (deal.renewal) return;
  const { renewalId, renewalDate } = await createRenewal(tx, deal);
  await createTouchpoints(tx, deal, { renewalId, renewalDate }, settings, now);
  await assessInitialRisk(tx, deal, settings, now, actorId);
}

function loadDeal(tx: Tx, dealId: string) {
  return tx.deal.findUniqueOrThrow({
    where: { id: dealId },
    select: {
      id: true,
      name: true,
      amountCents: true,
      termMonths: true,
      closeDate: true,
      contractStart: true,
      competitor: true,
      risks: true,
      technicalRequirements: true,
      integrations: true,
      products: { select: { product: { select: { id: true, technical: true } } } },
      renewal: { select: { id: true } },
      account: { select: { id: true, name: true, segment: true, csmId: true, contacts: { select: { role: true } } } },
    },
  });
}

/** The renewal opportunity of the contract: same products and ARR, due at the end of its term. */
async function createRenewal(tx: Tx, deal: ClosedDeal): Promise<{ renewalId: string; renewalDate: Date }> {
  return createRenewalOpportunity(tx, deal.account.id, {
    id: deal.id,
    name: deal.name,
    accountName: deal.account.name,
    amountCents: deal.amountCents,
    termMonths: deal.termMonths,
    closeDate: deal.closeDate,
    contractStart: deal.contractStart,
    productIds: deal.products.map((p) => p.product.id),
  });
}

/** The renewal opportunity a closed-won contract opens (a new deal's first term or a renewal deal's next one). */
export async function createRenewalOpportunity(tx: Tx, accountId: string, deal: RenewalSourceDeal): Promise<{ renewalId: string; renewalDate: Date }> {
  const terms = renewalTerms(deal);
  const renewal = await tx.renewalOpportunity.create({
    data: {
      accountId,
      originalDealId: terms.originalDealId,
      name: terms.name,
      amountCents: terms.amountCents,
      renewalDate: terms.renewalDate,
      stage: terms.stage,
      originalCloseDate: terms.originalCloseDate,
      contractTermMonths: terms.contractTermMonths,
      products: { create: terms.productIds.map((productId) => ({ productId })) },
    },
    select: { id: true },
  });
  return { renewalId: renewal.id, renewalDate: terms.renewalDate };
}

const RENEWAL_SIDE = new Set(["RENEWAL_PLANNING", "RENEWAL_CALL", "RENEWAL_CLOSE"]);

/** The touchpoints of the timing rules, owned by the account's CSM; the renewal-side ones belong to the renewal. */
async function createTouchpoints(tx: Tx, deal: ClosedDeal, renewal: { renewalId: string; renewalDate: Date }, settings: Settings, now: Date): Promise<void> {
  const touchpoints = scheduleTouchpoints({
    closeDate: deal.closeDate,
    contractStart: deal.contractStart,
    renewalDate: renewal.renewalDate,
    timing: settings.timing,
    calendar: settings.calendar,
    today: companyToday(now, settings.calendar.timezone),
  });
  await tx.touchpoint.createMany({
    data: touchpoints.map((touchpoint) => ({
      accountId: deal.account.id,
      sourceDealId: deal.id,
      renewalOpportunityId: RENEWAL_SIDE.has(touchpoint.type) ? renewal.renewalId : null,
      type: touchpoint.type,
      ruleDate: touchpoint.ruleDate,
      dueDate: touchpoint.dueDate,
      asapFlag: touchpoint.asap,
      aeInvited: touchpoint.aeInvited,
      ownerId: deal.account.csmId,
    })),
    skipDuplicates: true,
  });
}

/** The first risk assessment, at close: the deal's facts, no health or usage yet, no implementation timeline. */
async function assessInitialRisk(tx: Tx, deal: ClosedDeal, settings: Settings, now: Date, actorId: string | null): Promise<void> {
  const result = assessRisk(
    dealRiskInput(deal, {
      implementationDays: null,
      contacts: deal.account.contacts,
      segment: deal.account.segment,
      healthScore: null,
      usagePct: null,
      daysSinceClose: daysBetween(deal.closeDate, now),
      capacity: settings.capacity,
    }),
  );
  await recordRiskAssessment(tx, { accountId: deal.account.id, dealId: deal.id, result, trigger: "closed_won", actorId });
}
