"use server";

import { redirect } from "next/navigation";
import { closeWonSchema } from "@/lib/deals/close-won";
import { runAction } from "@/lib/server/actions/run-action";
import { markDealClosedWon } from "@/lib/server/deals/mark-closed-won";

export async function markClosedWonAction(input: unknown) {
  const result = await runAction(closeWonSchema, input, (user, data) => markDealClosedWon(user, data), {
    revalidate: ["/", "/deals"],
  });
  if (result.ok) redirect(`/handoffs/${result.data.handoffId}`);
  return result;
}
