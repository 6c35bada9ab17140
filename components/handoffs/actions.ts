"use server";

import { z } from "zod";
import { runAction } from "@/lib/server/actions/run-action";
import { acknowledgeHandoff, acknowledgeHandoffInput } from "@/lib/server/handoffs/acknowledge-handoff";
import { completeAccountSetup, completeAccountSetupInput } from "@/lib/server/handoffs/policy/account-setup";
import { sendClientIntroduction, sendIntroductionInput } from "@/lib/server/handoffs/policy/client-introduction";
import { logHandoffMeeting, logHandoffMeetingInput } from "@/lib/server/handoffs/policy/handoff-meeting";
import { saveChecklist, saveChecklistInput } from "@/lib/server/handoffs/save-checklist";
import { skipHandoff, skipHandoffInput } from "@/lib/server/handoffs/skip-handoff";
import { submitHandoff } from "@/lib/server/handoffs/submit-handoff";
import { expansionDealSchema, expansionLeadSchema, expansionScopeSchema, forecastCallSchema, planningHeldSchema, renewalPlanSchema, stakeholdersConfirmedSchema } from "@/lib/handoff/flows";
import {
  recordExpansionDeal,
  recordExpansionLead,
  recordExpansionScope,
  recordForecastCall,
  recordPlanningHeld,
  recordRenewalPlan,
  recordStakeholdersConfirmed,
} from "@/lib/server/handoffs/flows/flow-steps";
import { handoffMeetingTimes, meetingSlotsInput, moveCallInput, moveHandoffCall } from "@/lib/server/handoffs/meeting-times";

const paths = (input: unknown) => {
  const id = (input as { handoffId?: unknown })?.handoffId;
  return typeof id === "string" ? [`/handoffs/${id}`, "/"] : ["/"];
};

// Autosave does not revalidate: the wizard keeps its own state, and re-rendering on every keystroke would cost the 50 ms budget.
export async function saveChecklistAction(input: unknown) {
  return runAction(saveChecklistInput, input, saveChecklist);
}

export async function submitHandoffAction(input: unknown) {
  return runAction(z.object({ handoffId: z.string().min(1) }), input, (user, data) => submitHandoff(user, data.handoffId), {
    revalidate: paths(input),
    message: "Handoff submitted.",
  });
}

export async function skipHandoffAction(input: unknown) {
  return runAction(skipHandoffInput, input, skipHandoff, { revalidate: paths(input), message: "Handoff skipped." });
}

export async function logHandoffMeetingAction(input: unknown) {
  return runAction(logHandoffMeetingInput, input, logHandoffMeeting, { revalidate: paths(input), message: "Handoff meeting logged." });
}

export async function sendIntroductionAction(input: unknown) {
  return runAction(sendIntroductionInput, input, sendClientIntroduction, { revalidate: paths(input), message: "Introduction sent." });
}

export async function accountSetupAction(input: unknown) {
  return runAction(completeAccountSetupInput, input, completeAccountSetup, { revalidate: paths(input), message: "Account setup recorded." });
}

export async function acknowledgeHandoffAction(input: unknown) {
  return runAction(acknowledgeHandoffInput, input, acknowledgeHandoff, { revalidate: paths(input), message: "Handoff acknowledged." });
}

export async function moveHandoffCallAction(input: unknown) {
  return runAction(moveCallInput, input, moveHandoffCall, { revalidate: paths(input), message: "Handoff call moved; the updated invitation is on its way." });
}

export async function handoffMeetingTimesAction(input: unknown) {
  return runAction(meetingSlotsInput, input, handoffMeetingTimes);
}

export async function renewalPlanAction(input: unknown) {
  return runAction(renewalPlanSchema, input, recordRenewalPlan, { revalidate: paths(input), message: "Renewal plan recorded." });
}

export async function stakeholdersConfirmedAction(input: unknown) {
  return runAction(stakeholdersConfirmedSchema, input, recordStakeholdersConfirmed, { revalidate: paths(input), message: "Stakeholders re-confirmed." });
}

export async function forecastCallAction(input: unknown) {
  return runAction(forecastCallSchema, input, recordForecastCall, { revalidate: paths(input), message: "Forecast call recorded." });
}

export async function planningHeldAction(input: unknown) {
  return runAction(planningHeldSchema, input, recordPlanningHeld, { revalidate: paths(input), message: "Renewal-planning touchpoint recorded as held." });
}

export async function expansionScopeAction(input: unknown) {
  return runAction(expansionScopeSchema, input, recordExpansionScope, { revalidate: paths(input), message: "Upsell scope recorded." });
}

export async function expansionLeadAction(input: unknown) {
  return runAction(expansionLeadSchema, input, recordExpansionLead, { revalidate: paths(input), message: "Lead recorded; the handoff is theirs now." });
}

export async function expansionDealAction(input: unknown) {
  return runAction(expansionDealSchema, input, recordExpansionDeal, { revalidate: paths(input), message: "Expansion deal recorded: its closed-won runs the usual handoff." });
}
