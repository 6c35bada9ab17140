import { z } from "zod";
import type { PolicyStep } from "@/lib/generated/prisma/enums";

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
