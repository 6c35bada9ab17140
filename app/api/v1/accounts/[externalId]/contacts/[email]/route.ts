import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { readContact } from "@/lib/server/api/records";
import { contactRowOf } from "@/lib/server/crm/api-rows";
import { upsertContactRecord } from "@/lib/server/crm/upsert-record";

export const PUT = apiRoute(API_ROUTES.upsertContact, async ({ caller, params, body }) => {
  await upsertContactRecord(caller.user, contactRowOf(params.externalId, params.email, body));
  return readContact(caller.user, params.externalId, params.email);
});
