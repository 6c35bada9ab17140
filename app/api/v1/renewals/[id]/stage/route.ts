import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { moveRenewalForApi } from "@/lib/server/api/renewals";

export const POST = apiRoute(API_ROUTES.moveRenewalStage, ({ caller, params, body }) => moveRenewalForApi(caller.user, params.id, body));
