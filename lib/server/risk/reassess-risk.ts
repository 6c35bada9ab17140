import "server-only";
import type { Tx } from "@/lib/db";
import { daysBetween } from "@/lib/dates";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { assessRisk, dealRiskInput, type DealRiskFacts, type RiskAssessmentResult } from "@/lib/risk/assess";
import { getSettings } from "@/lib/server/settings/get-settings";

// Without a closed-won deal the account is assessed as a one-year contract at its current ARR, with no facts.
const NO_DEAL: Omit<DealRiskFacts, "amountCents"> = { termMonths: 12, competitor: "", risks: [], technicalRequirements: [], integrations: [], products: [] };

/**
 * A new risk assessment of the account with its live values (health, usage, go-live) and the facts of its
 * latest closed-won deal, by the rules of lib/risk/assess.ts. Every assessment is kept, so the account's
 * timeline shows how the risk moved. Without a closed-won deal the account is assessed as a one-year
 * contract at its current ARR, long past onboarding.
 */
export async function reassessRisk(
  tx: Tx,
  input: { accountId: string; trigger: string; actorId: string | null; now: Date; plannedImplementationDays?: number | null },
): Promise<{ overall: RiskLevel; previous: RiskLevel | null }> {
  // One query after the other: a transaction is one connection.
  const account = await tx.account.findUniqueOrThrow({
    where: { id: input.accountId },
    select: { segment: true, healthScore: true, usagePct: true, arrCents: true, goLiveAt: true, contacts: { select: { role: true } } },
  });
  const deal = await tx.deal.findFirst({
    where: { accountId: input.accountId, stage: "CLOSED_WON" },
    orderBy: [{ closeDate: "desc" }, { id: "desc" }],
    select: {
      id: true,
      amountCents: true,
      termMonths: true,
      closeDate: true,
      contractStart: true,
      competitor: true,
      risks: true,
      technicalRequirements: true,
      integrations: true,
      products: { select: { product: { select: { technical: true } } } },
    },
  });
  const previous = await tx.riskAssessment.findFirst({ where: { accountId: input.accountId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { overall: true } });
  const settings = await getSettings(tx);
  const start = deal ? (deal.contractStart ?? deal.closeDate) : null;
  const result = assessRisk(
    dealRiskInput(deal ?? { ...NO_DEAL, amountCents: account.arrCents }, {
      // The actual go-live once recorded; before it, the timeline the AE planned (the handoff submit passes it).
      implementationDays: start && account.goLiveAt ? Math.max(0, daysBetween(start, account.goLiveAt)) : (input.plannedImplementationDays ?? null),
      contacts: account.contacts,
      segment: account.segment,
      healthScore: account.healthScore,
      usagePct: Number(account.usagePct),
      daysSinceClose: deal ? Math.max(0, daysBetween(deal.closeDate, input.now)) : 365,
      capacity: settings.capacity,
    }),
  );
  await recordRiskAssessment(tx, { accountId: input.accountId, dealId: deal?.id ?? null, result, trigger: input.trigger, actorId: input.actorId });
  return { overall: result.overall, previous: previous?.overall ?? null };
}

/** Every assessment is kept (the account's timeline shows how the risk moved), with what triggered it. */
export async function recordRiskAssessment(
  tx: Tx,
  input: { accountId: string; dealId: string | null; result: RiskAssessmentResult; trigger: string; actorId: string | null },
): Promise<void> {
  await tx.riskAssessment.create({
    data: {
      accountId: input.accountId,
      dealId: input.dealId,
      overall: input.result.overall,
      factors: input.result.factors.map((factor) => ({ ...factor })),
      trigger: input.trigger,
      createdById: input.actorId,
    },
  });
}
