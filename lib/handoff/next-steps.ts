import type { PolicyStep } from "@/lib/generated/prisma/enums";

// Who acts next on a New Customer handoff, and on what: shown at the top of the handoff page after every
// action, so nobody has to work out from the step list whose turn it is.

export interface NextStepInput {
  status: "IN_PROGRESS" | "SUBMITTED" | "COMPLETED" | "ACKNOWLEDGED" | "SKIPPED";
  aeName: string;
  csmName: string | null;
  /** The pending suggestion's top candidate; null when none is pending or nobody is eligible. */
  suggestedCsmName: string | null;
  /** Whether a suggestion is waiting for a CS manager at all. */
  suggestionPending: boolean;
  checklistItemsLeft: number;
  firstMissingItem: string | null;
  steps: Record<PolicyStep, boolean>;
}

export interface NextStep {
  who: string;
  what: string;
  /** The wizard step to open for it, when there is one. */
  step?: string;
}

export function nextSteps(input: NextStepInput): NextStep[] {
  if (input.status === "SKIPPED") return [];
  if (input.status === "ACKNOWLEDGED") return [];
  if (input.status === "COMPLETED") {
    return [{ who: input.csmName ?? "The assigned CSM", what: "acknowledges the handoff and rates it 1–5 (from their home page, this page or the notification)", step: "acknowledge" }];
  }
  const next: NextStep[] = [];
  if (!input.csmName) {
    next.push({
      who: "A CS manager",
      what: input.suggestionPending && input.suggestedCsmName
        ? `approves the suggested CSM, ${input.suggestedCsmName} (suggested at closed-won; approval can happen while the checklist is filled in)`
        : "chooses a CSM: no suggested CSM is eligible yet",
    });
  }
  if (input.status === "IN_PROGRESS") {
    next.push({
      who: input.aeName,
      what: input.checklistItemsLeft > 0 ? `completes the checklist (${input.checklistItemsLeft} required item${input.checklistItemsLeft === 1 ? "" : "s"} left) and submits it` : "submits the checklist",
      step: input.firstMissingItem ?? "submit",
    });
  }
  if (!input.steps.HANDOFF_MEETING) next.push({ who: `${input.aeName} and a CS manager`, what: "hold and log the handoff meeting", step: "HANDOFF_MEETING" });
  if (!input.steps.CLIENT_INTRODUCTION) {
    next.push({
      who: input.aeName,
      what: input.csmName ? `sends the client introduction of ${input.csmName}` : "sends the client introduction, as soon as the CSM is approved",
      step: "CLIENT_INTRODUCTION",
    });
  }
  if (!input.steps.DOCUMENTATION_TRANSFER) next.push({ who: input.aeName, what: "uploads the signed contract, the SOW and the value projection", step: "DOCUMENTATION_TRANSFER" });
  if (!input.steps.ACCOUNT_SETUP) next.push({ who: "A CS manager", what: "records the account setup: environment, kick-off and project plan", step: "ACCOUNT_SETUP" });
  return next;
}
