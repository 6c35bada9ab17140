import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { closeRenewalWonForApi } from "@/lib/server/api/renewals";

export const POST = apiRoute(API_ROUTES.closeRenewalWon, ({ caller, params, body, tx }) => closeRenewalWonForApi(caller.user, params.id, body, tx));
