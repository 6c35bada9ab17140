import "server-only";
import type { Tx } from "@/lib/db";
import { daysBetween, parseIsoDate } from "@/lib/dates";
import type { Checklist } from "@/lib/handoff/checklist";
import { reassessRisk } from "@/lib/server/risk/reassess-risk";
import type { Settings } from "@/lib/settings/schema";
import { implementationDates } from "@/lib/touchpoints/schedule";

// What a submitted checklist changes outside the handoff: the deal's and the account's records, the
// training and go-live touchpoints (from the AE's implementation timeline) and a fresh risk assessment, so the
// plan follows what the AE entered rather than the defaults of the close.

export async function applySubmittedChecklist(
  tx: Tx,
  input: { accountId: string; dealId: string | null; checklist: Checklist; settings: Settings; actorId: string; now: Date },
): Promise<void> {
  const { checklist, accountId, dealId } = input;
  if (dealId) {
    await tx.deal.update({
      where: { id: dealId },
      data: {
        winReason: checklist.whyTheyBought.winReason,
        painPoints: checklist.whyTheyBought.painPoints,
        competitor: checklist.competitiveContext.competitor,
        risks: checklist.riskFactors.risks.map((risk) => risk.description),
        technicalRequirements: checklist.technicalRequirements.requirements,
        integrations: checklist.technicalRequirements.integrations,
        implementationTimeline: `${checklist.implementationTimeline.start} → ${checklist.implementationTimeline.goLive}`,
      },
    });
    await setDealProducts(tx, dealId, checklist.contract.productIds);
  }
  const { segment, strategic, needsOnsite } = checklist.contract;
  if (segment !== undefined || strategic !== undefined || needsOnsite !== undefined) {
    await tx.account.update({ where: { id: accountId }, data: { segment, strategic, needsOnsite } });
  }
  for (const contact of checklist.stakeholders.contacts) {
    const { email, ...rest } = contact;
    await tx.contact.upsert({ where: { accountId_email: { accountId, email } }, create: { accountId, email, ...rest }, update: rest });
  }
  if (dealId) await replanImplementation(tx, dealId, checklist, input.settings);
  const timeline = checklist.implementationTimeline;
  await reassessRisk(tx, {
    accountId,
    trigger: "handoff_submitted",
    actorId: input.actorId,
    now: input.now,
    plannedImplementationDays: Math.max(0, daysBetween(parseIsoDate(timeline.start), parseIsoDate(timeline.goLive))),
  });
}

/** The deal's products become the confirmed ones; so do the renewal's, which renews what was sold. */
async function setDealProducts(tx: Tx, dealId: string, productIds: string[]): Promise<void> {
  const wanted = [...new Set(productIds)];
  await tx.dealProduct.deleteMany({ where: { dealId, productId: { notIn: wanted } } });
  await tx.dealProduct.createMany({ data: wanted.map((productId) => ({ dealId, productId })), skipDuplicates: true });
  const renewal = await tx.renewalOpportunity.findUnique({ where: { originalDealId: dealId }, select: { id: true, stage: true } });
  if (!renewal || renewal.stage === "CLOSED_WON" || renewal.stage === "CLOSED_LOST") return;
  await tx.renewalProduct.deleteMany({ where: { renewalOpportunityId: renewal.id, productId: { notIn: wanted } } });
  await tx.renewalProduct.createMany({ data: wanted.map((productId) => ({ renewalOpportunityId: renewal.id, productId })), skipDuplicates: true });
}

/**
 * Training and go-live follow the AE's timeline. A step that would fall on or after the renewal date is
 * cancelled (no onboarding after the contract it belongs to); touchpoints already done are left as they are.
 */
async function replanImplementation(tx: Tx, dealId: string, checklist: Checklist, settings: Settings): Promise<void> {
  const touchpoints = await tx.touchpoint.findMany({
    where: { sourceDealId: dealId, type: { in: ["KICKOFF", "TRAINING", "GO_LIVE"] } },
    select: { id: true, type: true, dueDate: true, status: true },
  });
  const kickoff = touchpoints.find((t) => t.type === "KICKOFF");
  if (!kickoff) return;
  const renewal = await tx.renewalOpportunity.findUnique({ where: { originalDealId: dealId }, select: { renewalDate: true } });
  const dates = implementationDates({ kickoff: kickoff.dueDate, goLive: parseIsoDate(checklist.implementationTimeline.goLive), timing: settings.timing, calendar: settings.calendar });
  for (const [type, planned] of [["TRAINING", dates.training], ["GO_LIVE", dates.goLive]] as const) {
    const row = touchpoints.find((t) => t.type === type);
    if (!row || row.status !== "PLANNED") continue;
    const afterRenewal = renewal !== null && planned.dueDate.getTime() >= renewal.renewalDate.getTime();
    await tx.touchpoint.update({
      where: { id: row.id },
      data: afterRenewal
        ? { status: "CANCELLED", notes: "Not planned: the implementation timeline puts it on or after the renewal date." }
        : { dueDate: planned.dueDate, ruleDate: planned.ruleDate, asapFlag: false },
    });
  }
}
