"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/lib/server/actions/run-action";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { retryOnContention } from "@/lib/server/db/retry-on-contention";

export async function markClosedWonAction(input: unknown) {
  const result = await runAction(z.object({ dealId: z.string().min(1) }), input, (user, data) => retryOnContention(() => closeDealWon(user, data.dealId)), {
    revalidate: ["/", "/deals"],
  });
  if (result.ok) redirect(`/handoffs/${result.data.handoffId}`);
  return result;
}
