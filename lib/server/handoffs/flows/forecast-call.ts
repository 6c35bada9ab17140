import "server-only";
import type { Tx } from "@/lib/db";

/**
 * The hook for the Renewal flow's "forecast call": whether the renewal has a forecast to hold the call on.
 * Baton does not keep renewal forecasts yet, so the call is never required today; the forecast feature
 * answers here (e.g. "a forecast exists for this renewal") and the flow then asks for the call.
 */
export async function forecastCallRequired(_tx: Tx, _renewalOpportunityId: string): Promise<boolean> {
  return false;
}
