import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { closeRenewalLostForApi } from "@/lib/server/api/renewals";

export const POST = apiRoute(API_ROUTES.closeRenewalLost, ({ caller, params, body, tx }) => closeRenewalLostForApi(caller.user, params.id, body, tx));
