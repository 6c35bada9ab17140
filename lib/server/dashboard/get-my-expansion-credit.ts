import "server-only";
import { toIsoDate } from "@/lib/dates";
import type { DrillParams } from "@/lib/dashboard/params";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { dashboardContext } from "@/lib/server/dashboard/context";
import { getExpansionCredit, type CreditRow, type ExpansionCredit } from "@/lib/server/dashboard/get-expansion-credit";
import { listDrillRows, type DrillResult } from "@/lib/server/dashboard/list-drill-rows";

export interface MyExpansionCredit {
  credit: ExpansionCredit;
  mine: CreditRow | null;
  movements: DrillResult;
  /** Today in the company time zone, YYYY-MM-DD (the period picker's limit). */
  today: string;
}

/** An AE's own expansion credit for the period and the movements that earn it (the credit scope forces their id). */
export async function getMyExpansionCredit(user: ActingUser, params: DrillParams, now = new Date()): Promise<MyExpansionCredit> {
  assertRole(user, ["AE"]);
  const context = await dashboardContext(user, params, { now });
  const [credit, movements] = await Promise.all([
    getExpansionCredit(context),
    listDrillRows(context, "credit-movements", params),
  ]);
  return { credit, mine: credit.rows.find((row) => row.aeId === user.id) ?? null, movements, today: toIsoDate(context.today) };
}
