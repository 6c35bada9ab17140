"use server";

import { redirect } from "next/navigation";
import { closeWonSchema } from "@/lib/deals/close-won";
import { runAction } from "@/lib/server/actions/run-action";
import { markDealClosedWon } from "@/lib/server/deals/mark-closed-won";
import { retryOnContention } from "@/lib/server/db/retry-on-contention";

export async function markClosedWonAction(input: unknown) {
  const result = await runAction(closeWonSchema, input, (user, data) => retryOnContention(() => markDealClosedWon(user, data)), {
    revalidate: ["/", "/deals"],
  });
  // A renewal deal closes its renewal and opens no handoff: back to the deal, which now shows it won.
  if (result.ok) redirect(result.data.handoffId ? `/handoffs/${result.data.handoffId}` : `/deals/${(input as { dealId: string }).dealId}`);
  return result;
}
