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
  /** The risks the CRM recorded, as descriptions; the AE adds severity and mitigation. */
  risks?: string[];
  /** "YYYY-MM-DD → YYYY-MM-DD" as an earlier submit or import wrote it, or free text. */
  implementationTimeline?: string;
  segment?: "ENTERPRISE" | "MID_MARKET" | "SCALE";
  strategic?: boolean;
  needsOnsite?: boolean;
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
  const timeline = /^(\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})$/.exec(source.implementationTimeline ?? "");
  const defaults: ChecklistDraft = {
    contract: {
      arr: dollars(source.amountCents),
      termMonths: source.termMonths,
      contractStart: toIsoDate(source.contractStart ?? source.closeDate),
      productIds: source.productIds,
      ...(source.segment ? { segment: source.segment } : {}),
      ...(source.strategic !== undefined ? { strategic: source.strategic } : {}),
      ...(source.needsOnsite !== undefined ? { needsOnsite: source.needsOnsite } : {}),
    },
    whyTheyBought: { winReason: source.winReason, painPoints: source.painPoints },
    successCriteria: { criteria: [] },
    stakeholders: { contacts: source.contacts as NonNullable<ChecklistDraft["stakeholders"]>["contacts"] },
    technicalRequirements: { requirements: source.technicalRequirements, integrations: source.integrations },
    implementationTimeline: timeline
      ? { start: timeline[1], goLive: timeline[2], notes: "" }
      : { start: toIsoDate(source.contractStart ?? source.closeDate), goLive: "", notes: source.implementationTimeline ?? "" },
    competitiveContext: { competitor: source.competitor, notes: "" },
    riskFactors: { risks: (source.risks ?? []).filter((risk) => risk.trim()).map((description) => ({ description, mitigation: "" })) },
  };
  return { ...defaults, ...draft };
}
