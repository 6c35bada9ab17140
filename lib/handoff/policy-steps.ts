import { z } from "zod";
import type { PolicyStep } from "@/lib/generated/prisma/enums";
import type { ItemStatus } from "@/lib/handoff/checklist";

// The four steps of the 72-hour rule as the handoff page's progress rail shows them: done, to do, or blocked (and
// why), decided here from the recorded steps, so the page only renders them.

export type RailStatus = "complete" | "incomplete" | "blocked" | "optional";

export interface RailItem {
  key: string;
  label: string;
  status: RailStatus;
  /** Why it is incomplete or blocked, in words. */
  detail?: string;
}

export interface PolicyStepsInput {
  steps: readonly { step: PolicyStep; completedAt: Date | null }[];
  strategic: boolean;
  csmName: string | null;
  /** Whether this user may do the account setup (the CS manager's step). */
  canSetUp: boolean;
}

export function policyRailItems({ steps, strategic, csmName, canSetUp }: PolicyStepsInput): RailItem[] {
  const done = (step: PolicyStep) => Boolean(steps.find((row) => row.step === step)?.completedAt);
  return [
    { key: "HANDOFF_MEETING", label: "1. Handoff meeting", status: done("HANDOFF_MEETING") ? "complete" : "incomplete", detail: strategic ? "Required before submit: strategic account" : "AE and CS manager brief" },
    {
      key: "CLIENT_INTRODUCTION",
      label: "2. Client introduction",
      status: done("CLIENT_INTRODUCTION") ? "complete" : csmName ? "incomplete" : "blocked",
      detail: csmName ? `Introduce ${csmName}` : "Waiting for a CS manager to approve the CSM",
    },
    { key: "DOCUMENTATION_TRANSFER", label: "3. Documentation transfer", status: done("DOCUMENTATION_TRANSFER") ? "complete" : "incomplete", detail: "Signed contract, SOW, value projection" },
    {
      key: "ACCOUNT_SETUP",
      label: "4. Account setup",
      status: done("ACCOUNT_SETUP") ? "complete" : canSetUp ? "incomplete" : "blocked",
      detail: canSetUp ? "Provision, kick-off, project plan" : "Done by the CS manager",
    },
  ];
}

/** What the account setup step records beside its completion (a JSON column; anything else reads as nothing). */
export const accountSetupData = z.object({ environmentUrl: z.string().optional().catch(undefined) }).catch({});

export interface WizardRail {
  checklist: RailItem[];
  submit: RailItem;
  /** Required items done (the submit and the policy steps count as one each) out of all of them. */
  progress: { done: number; total: number };
  /** Checklist items still incomplete, in order. */
  missing: ItemStatus[];
  /** Whether anything (an item or a server-side gate) stands before the submit. */
  blocked: boolean;
}

/** The wizard's progress rail: each checklist item, the submit, and how far the whole handoff is. */
export function wizardRail(input: { statuses: readonly ItemStatus[]; submitted: boolean; submitBlockers: readonly { text: string }[]; policyItems: readonly RailItem[] }): WizardRail {
  const { statuses, submitted, policyItems } = input;
  const missing = statuses.filter((item) => !item.complete);
  const blockerTexts = input.submitBlockers.map((blocker) => blocker.text);
  const blocked = missing.length > 0 || blockerTexts.length > 0;
  const checklist: RailItem[] = statuses.map((item) => ({
    key: item.key,
    label: item.label,
    status: submitted || item.complete ? (item.required || submitted ? "complete" : "optional") : "incomplete",
    detail: item.problems.join("; "),
  }));
  const submit: RailItem = {
    key: "submit",
    label: "Submit checklist",
    status: submitted ? "complete" : blocked ? "blocked" : "incomplete",
    detail: submitted ? undefined : blocked ? `Missing: ${[...missing.map((item) => item.label), ...blockerTexts].join(", ")}` : "Ready to submit",
  };
  const requiredDone = statuses.filter((item) => item.required && (item.complete || submitted)).length;
  const progress = {
    done: requiredDone + (submitted ? 1 : 0) + policyItems.filter((item) => item.status === "complete").length,
    total: statuses.filter((item) => item.required).length + 1 + policyItems.length,
  };
  return { checklist, submit, progress, missing, blocked };
}
