import type { Settings } from "@/lib/settings/schema";

// Each measure's target comes from the rule settings (seeded with SPEC.md's numbers) and is shown with whether
// the current figure meets it. "Above" and "below" are strict: a GRR of exactly 95 % does not beat "> 95 %".

export type TargetedMeasure = "grossRetention" | "netRetention" | "renewalVisibility" | "timeToFirstValue" | "handoffSatisfaction";

export interface TargetCheck {
  /** e.g. "> 95%" */
  label: string;
  /** null when there is no figure to judge. */
  met: boolean | null;
}

const percent = (value: number) => `${Number(value.toFixed(2))}%`;

export function checkTarget(measure: TargetedMeasure, value: number | null, targets: Settings["targets"]): TargetCheck {
  switch (measure) {
    case "grossRetention":
      return { label: `> ${percent(targets.grossRetentionPct)}`, met: value === null ? null : value * 100 > targets.grossRetentionPct };
    case "netRetention":
      return { label: `> ${percent(targets.netRetentionPct)}`, met: value === null ? null : value * 100 > targets.netRetentionPct };
    case "renewalVisibility":
      return { label: `${percent(targets.renewalVisibilityPct)}`, met: value === null ? null : value * 100 >= targets.renewalVisibilityPct };
    case "timeToFirstValue":
      return { label: `< ${targets.timeToFirstValueDays} days (median)`, met: value === null ? null : value < targets.timeToFirstValueDays };
    case "handoffSatisfaction":
      return { label: `> ${targets.handoffSatisfaction} / 5`, met: value === null ? null : value > targets.handoffSatisfaction };
  }
}
