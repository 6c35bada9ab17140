import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { readDeal } from "@/lib/server/api/records";
import { dealRowOf } from "@/lib/server/crm/api-rows";
import { upsertDealRecord } from "@/lib/server/crm/upsert-record";

export const GET = apiRoute(API_ROUTES.getDeal, ({ caller, params }) => readDeal(caller.user, params.externalId));

export const PUT = apiRoute(API_ROUTES.upsertDeal, async ({ caller, params, body }) => {
  await upsertDealRecord(caller.user, dealRowOf(params.externalId, body));
  return readDeal(caller.user, params.externalId);
});
