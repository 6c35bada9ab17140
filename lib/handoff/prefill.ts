import type { ChecklistDraft } from "@/lib/handoff/checklist";
import { toIsoDate } from "@/lib/dates";

export interface PrefillSource {
  amountCents: bigint;
  termMonths: number;
  contractStart: Date | null;
  closeDate: Date;
  productIds: string[];
  winReason: string;
  painPoints: string[];
  competitor: string;
  technicalRequirements: string[];
  integrations: string[];
  contacts: { name: string; title: string; role: string; email: string; priority: string; notes: string }[];
}

function dollars(cents: bigint): string {
  const whole = cents / 100n;
  const rest = cents % 100n;
  return rest === 0n ? String(whole) : `${whole}.${String(rest).padStart(2, "0")}`;
}

/**
 * What the AE already told the CRM fills the wizard's empty items; anything they saved wins. Only whole
 * items are filled, so a field the AE cleared on purpose stays cleared.
 */
export function prefillChecklist(draft: ChecklistDraft, source: PrefillSource): ChecklistDraft {
  const defaults: ChecklistDraft = {
    contract: {
      arr: dollars(source.amountCents),
      termMonths: source.termMonths,
      contractStart: toIsoDate(source.contractStart ?? source.closeDate),
      productIds: source.productIds,
    },
    whyTheyBought: { winReason: source.winReason, painPoints: source.painPoints },
    successCriteria: { criteria: [] },
    stakeholders: { contacts: source.contacts as NonNullable<ChecklistDraft["stakeholders"]>["contacts"] },
    technicalRequirements: { requirements: source.technicalRequirements, integrations: source.integrations },
    implementationTimeline: { start: toIsoDate(source.contractStart ?? source.closeDate), goLive: "", notes: "" },
    competitiveContext: { competitor: source.competitor, notes: "" },
    riskFactors: { risks: [] },
  };
  return { ...defaults, ...draft };
}
