import "server-only";
import type { Tx } from "@/lib/db";
import { daysBetween } from "@/lib/dates";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { assessRisk } from "@/lib/risk/assess";
import { getSettings } from "@/lib/server/settings/get-settings";

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
  const result = assessRisk({
    technicalRequirementsCount: deal?.technicalRequirements.length ?? 0,
    integrationsCount: deal?.integrations.length ?? 0,
    technicalProductsCount: deal?.products.filter((p) => p.product.technical).length ?? 0,
    // The actual go-live once recorded; before it, the timeline the AE planned (the handoff submit passes it).
    implementationDays: start && account.goLiveAt ? Math.max(0, daysBetween(start, account.goLiveAt)) : (input.plannedImplementationDays ?? null),
    contacts: account.contacts,
    competitor: deal?.competitor ?? "",
    risksCount: deal?.risks.length ?? 0,
    termMonths: deal?.termMonths ?? 12,
    amountCents: deal?.amountCents ?? account.arrCents,
    segment: account.segment,
    healthScore: account.healthScore,
    usagePct: Number(account.usagePct),
    daysSinceClose: deal ? Math.max(0, daysBetween(deal.closeDate, input.now)) : 365,
    capacity: settings.capacity,
  });
  await tx.riskAssessment.create({
    data: {
      accountId: input.accountId,
      dealId: deal?.id ?? null,
      overall: result.overall,
      factors: result.factors.map((factor) => ({ ...factor })),
      trigger: input.trigger,
      createdById: input.actorId,
    },
  });
  return { overall: result.overall, previous: previous?.overall ?? null };
}
