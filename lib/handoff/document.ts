import type { Checklist, ChecklistDraft } from "@/lib/handoff/checklist";
import { addMonthsUtc, parseIsoDate, toIsoDate } from "@/lib/dates";

// The handoff document of the seed's step 5, built from the checklist and the records around it.
// Pure, so the page, the Markdown copy and the e-mail all say the same thing.

export interface DocumentSource {
  accountName: string;
  segmentLabel: string;
  dealAmountCents: bigint;
  termMonths: number;
  closeDate: Date;
  contractStart: Date | null;
  products: { id: string; name: string }[];
  catalogue: { id: string; name: string }[];
  checklist: ChecklistDraft;
  aeName: string;
  csm: { name: string; accounts: number; maxAccounts: number | null } | null;
  expansionPotentialCents: bigint;
  healthScore: number;
  renewal: { name: string; amountCents: bigint; renewalDate: Date } | null;
  touchpoints: { date: Date; label: string; aeInvited: boolean }[];
  risk: { overall: string; factors: { label: string; level: string; mitigation: string }[] } | null;
  handoffMeeting: { startsAt: Date; attendees: string[] } | null;
  checklistDone: { renewal: boolean; csm: boolean; documentSent: boolean; touchpoints: boolean; meeting: boolean };
}

export interface HandoffDocument {
  overview: { accountName: string; dealValueCents: bigint; contractTermMonths: number; closeDate: Date; renewalDate: Date; products: string[] };
  stakeholders: { name: string; title: string; role: string; email: string; priority: string; notes: string }[];
  successCriteria: { metric: string; baseline: string; target: string; dueBy: string }[];
  implementation: { start: string | null; goLive: string | null; notes: string; requirements: string[]; integrations: string[] };
  context: { whyTheyBought: string; competitorConsidered: string; painPoints: string[]; risksIdentified: { description: string; severity: string; mitigation: string }[] };
  expansionOpportunity: { potentialCents: bigint; products: string[]; timing: string };
}

export function renewalDateOf(source: Pick<DocumentSource, "contractStart" | "closeDate" | "termMonths">): Date {
  return addMonthsUtc(source.contractStart ?? source.closeDate, source.termMonths);
}

/** Products of the catalogue the account does not own yet: the upsell candidates. */
export function upsellProducts(catalogue: DocumentSource["catalogue"], owned: DocumentSource["products"]): string[] {
  const ownedIds = new Set(owned.map((product) => product.id));
  return catalogue.filter((product) => !ownedIds.has(product.id)).map((product) => product.name);
}

/** Expansion follows adoption: a healthy account is ready after go-live, a struggling one only once it recovers. */
export function expansionTiming(goLive: string | null, closeDate: Date, healthScore: number): string {
  const base = goLive ? parseIsoDate(goLive) : addMonthsUtc(closeDate, 3);
  if (healthScore >= 75) return `From ${toIsoDate(addMonthsUtc(base, 1))}, a month after go-live, once the first success criteria are met`;
  if (healthScore >= 50) return `At the first QBR after go-live (around ${toIsoDate(addMonthsUtc(base, 3))}), if adoption is on track`;
  return "Not before health recovers above 50; focus on adoption first";
}

export function buildHandoffDocument(source: DocumentSource): HandoffDocument {
  const checklist = source.checklist as Partial<Checklist> & ChecklistDraft;
  const timeline: NonNullable<ChecklistDraft["implementationTimeline"]> = checklist.implementationTimeline ?? {};
  return {
    overview: {
      accountName: source.accountName,
      dealValueCents: source.dealAmountCents,
      contractTermMonths: source.termMonths,
      closeDate: source.closeDate,
      renewalDate: source.renewal?.renewalDate ?? renewalDateOf(source),
      products: source.products.map((product) => product.name),
    },
    stakeholders: (checklist.stakeholders?.contacts ?? []).map((contact) => ({
      name: contact.name ?? "",
      title: contact.title ?? "",
      role: contact.role ?? "",
      email: contact.email ?? "",
      priority: contact.priority ?? "",
      notes: contact.notes ?? "",
    })),
    successCriteria: (checklist.successCriteria?.criteria ?? []).map((criterion) => ({
      metric: criterion.metric ?? "",
      baseline: criterion.baseline ?? "",
      target: criterion.target ?? "",
      dueBy: criterion.dueBy ?? "",
    })),
    implementation: {
      start: timeline.start || null,
      goLive: timeline.goLive || null,
      notes: timeline.notes ?? "",
      requirements: (checklist.technicalRequirements?.requirements ?? []).filter(Boolean),
      integrations: (checklist.technicalRequirements?.integrations ?? []).filter(Boolean),
    },
    context: {
      whyTheyBought: checklist.whyTheyBought?.winReason ?? "",
      competitorConsidered: checklist.competitiveContext?.competitor ?? "",
      painPoints: (checklist.whyTheyBought?.painPoints ?? []).filter(Boolean),
      risksIdentified: (checklist.riskFactors?.risks ?? []).map((risk) => ({
        description: risk.description ?? "",
        severity: risk.severity ?? "",
        mitigation: risk.mitigation ?? "",
      })),
    },
    expansionOpportunity: {
      potentialCents: source.expansionPotentialCents,
      products: upsellProducts(source.catalogue, source.products),
      timing: expansionTiming(timeline.goLive || null, source.closeDate, source.healthScore),
    },
  };
}
