import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { readAccount } from "@/lib/server/api/records";
import { accountRowOf } from "@/lib/server/crm/api-rows";
import { upsertAccountRecord } from "@/lib/server/crm/upsert-record";

export const GET = apiRoute(API_ROUTES.getAccount, ({ caller, params }) => readAccount(caller.user, params.externalId));

export const PUT = apiRoute(API_ROUTES.upsertAccount, async ({ caller, params, body }) => {
  await upsertAccountRecord(caller.user, accountRowOf(params.externalId, body));
  return readAccount(caller.user, params.externalId);
});
