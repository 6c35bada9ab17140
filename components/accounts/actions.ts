"use server";

import { expansionSchema, healthUsageSchema, milestonesSchema } from "@/lib/renewals/forms";
import { runAction } from "@/lib/server/actions/run-action";
import { identifyExpansion } from "@/lib/server/accounts/identify-expansion";
import { recordMilestones, updateHealthAndUsage } from "@/lib/server/accounts/update-account";

export async function updateHealthAction(input: unknown) {
  return runAction(healthUsageSchema, input, (user, data) => updateHealthAndUsage(user, data), { revalidate: ["/accounts", "/renewals", "/"], message: "Saved; risk re-assessed." });
}

export async function recordMilestonesAction(input: unknown) {
  return runAction(milestonesSchema, input, (user, data) => recordMilestones(user, data), { revalidate: ["/accounts", "/"], message: "Milestones saved." });
}

export async function identifyExpansionAction(input: unknown) {
  return runAction(expansionSchema, input, (user, data) => identifyExpansion(user, data), { revalidate: ["/accounts", "/handoffs"], message: "Expansion handoff opened; the AE has been told." });
}
