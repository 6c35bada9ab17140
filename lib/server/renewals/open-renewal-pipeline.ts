import "server-only";
import type { Tx } from "@/lib/db";
import { companyToday } from "@/lib/calendar/company-day";
import { daysBetween } from "@/lib/dates";
import { renewalTerms } from "@/lib/renewals/renewal-terms";
import { assessRisk } from "@/lib/risk/assess";
import type { Settings } from "@/lib/settings/schema";
import { scheduleTouchpoints } from "@/lib/touchpoints/schedule";

/**
 * The renewal side of the closed-won flow (000 steps 2, 7, 8), run inside closeDealWon's transaction: the
 * renewal opportunity (once per deal — "originalDealId" is unique in the database), the touchpoints of the
 * timing rules, and the initial risk assessment.
 */
export async function openRenewalPipeline(tx: Tx, dealId: string, settings: Settings, now: Date, actorId: string | null): Promise<void> {
  const deal = await tx.deal.findUniqueOrThrow({
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
  if (deal.renewal) return;

  const terms = renewalTerms({
    id: deal.id,
    name: deal.name,
    accountName: deal.account.name,
    amountCents: deal.amountCents,
    termMonths: deal.termMonths,
    closeDate: deal.closeDate,
    contractStart: deal.contractStart,
    productIds: deal.products.map((p) => p.product.id),
  });
  const renewal = await tx.renewalOpportunity.create({
    data: {
      accountId: deal.account.id,
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

  const touchpoints = scheduleTouchpoints({
    closeDate: deal.closeDate,
    contractStart: deal.contractStart,
    renewalDate: terms.renewalDate,
    timing: settings.timing,
    calendar: settings.calendar,
    today: companyToday(now, settings.calendar.timezone),
  });
  const renewalSide = new Set(["RENEWAL_PLANNING", "RENEWAL_CALL", "RENEWAL_CLOSE"]);
  await tx.touchpoint.createMany({
    data: touchpoints.map((touchpoint) => ({
      accountId: deal.account.id,
      sourceDealId: deal.id,
      renewalOpportunityId: renewalSide.has(touchpoint.type) ? renewal.id : null,
      type: touchpoint.type,
      ruleDate: touchpoint.ruleDate,
      dueDate: touchpoint.dueDate,
      asapFlag: touchpoint.asap,
      aeInvited: touchpoint.aeInvited,
      ownerId: deal.account.csmId,
    })),
    skipDuplicates: true,
  });

  const risk = assessRisk({
    technicalRequirementsCount: deal.technicalRequirements.length,
    integrationsCount: deal.integrations.length,
    technicalProductsCount: deal.products.filter((p) => p.product.technical).length,
    implementationDays: null,
    contacts: deal.account.contacts,
    competitor: deal.competitor,
    risksCount: deal.risks.length,
    termMonths: deal.termMonths,
    amountCents: deal.amountCents,
    segment: deal.account.segment,
    healthScore: null,
    usagePct: null,
    daysSinceClose: daysBetween(deal.closeDate, now),
    capacity: settings.capacity,
  });
  await tx.riskAssessment.create({
    data: {
      accountId: deal.account.id,
      dealId: deal.id,
      overall: risk.overall,
      factors: risk.factors.map((factor) => ({ ...factor })),
      trigger: "closed_won",
      createdById: actorId,
    },
  });
}
