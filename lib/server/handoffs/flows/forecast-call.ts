import "server-only";
import type { Tx } from "@/lib/db";

/**
 * The Renewal flow's "forecast call" is held once the CSM has called the renewal's forecast (a RenewalForecast row);
 * before that there is no call to talk through, and the step shows as not required.
 */
export async function forecastCallRequired(tx: Tx, renewalOpportunityId: string): Promise<boolean> {
  return (await tx.renewalForecast.count({ where: { renewalOpportunityId } })) > 0;
}
