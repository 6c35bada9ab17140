"use server";

import { moveStageSchema } from "@/lib/renewals/forms";
import { runAction } from "@/lib/server/actions/run-action";
import { moveRenewalStage } from "@/lib/server/renewals/move-renewal-stage";

export async function moveRenewalStageAction(input: unknown) {
  return runAction(moveStageSchema, input, (user, data) => moveRenewalStage(user, data), { revalidate: ["/renewals", "/accounts", "/"], message: "Stage moved." });
}
