import type { ChecklistDraft } from "@/lib/handoff/checklist";
import { SEGMENT_LABELS } from "@/lib/labels";
import type { Segment } from "@/lib/generated/prisma/enums";

// The facts the CSM suggestion depends on (SPEC: "a material change (products, segment, strategic, on-site
// need) re-scores it"), read from the checklist over the account's and deal's own values.

export interface MaterialFacts {
  productIds: string[];
  segment: Segment;
  strategic: boolean;
  needsOnsite: boolean;
}

export interface MaterialChange {
  field: string;
  from: string;
  to: string;
}

/** The checklist's answers where given, else the records' values. */
export function materialFacts(draft: ChecklistDraft, records: MaterialFacts): MaterialFacts {
  const contract = draft.contract ?? {};
  return {
    productIds: contract.productIds ? [...new Set(contract.productIds.filter(Boolean))] : records.productIds,
    segment: contract.segment ? contract.segment : records.segment,
    strategic: contract.strategic ?? records.strategic,
    needsOnsite: contract.needsOnsite ?? records.needsOnsite,
  };
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** What changed between two sets of facts, in words a CS manager reads; empty when nothing material changed. */
export function materialChanges(before: MaterialFacts, after: MaterialFacts, productNames: ReadonlyMap<string, string>): MaterialChange[] {
  const changes: MaterialChange[] = [];
  const names = (ids: string[]) => ids.map((id) => productNames.get(id) ?? id).sort((a, b) => a.localeCompare(b, "en")).join(", ") || "none";
  const same = before.productIds.length === after.productIds.length && before.productIds.every((id) => after.productIds.includes(id));
  if (!same) changes.push({ field: "Products", from: names(before.productIds), to: names(after.productIds) });
  if (before.segment !== after.segment) changes.push({ field: "Segment", from: SEGMENT_LABELS[before.segment], to: SEGMENT_LABELS[after.segment] });
  if (before.strategic !== after.strategic) changes.push({ field: "Strategic account", from: yesNo(before.strategic), to: yesNo(after.strategic) });
  if (before.needsOnsite !== after.needsOnsite) changes.push({ field: "Needs on-site work", from: yesNo(before.needsOnsite), to: yesNo(after.needsOnsite) });
  return changes;
}

/** Whether a save may have changed a material fact, read from the two drafts alone (no records needed). */
export function draftTouchesMaterial(before: ChecklistDraft, after: ChecklistDraft): boolean {
  const a = before.contract ?? {};
  const b = after.contract ?? {};
  const ids = (value: string[] | undefined) => JSON.stringify([...new Set(value ?? [])].sort());
  return ids(a.productIds) !== ids(b.productIds) || (a.segment ?? "") !== (b.segment ?? "") || a.strategic !== b.strategic || a.needsOnsite !== b.needsOnsite;
}
