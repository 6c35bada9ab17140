import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { setRenewalTermsForApi } from "@/lib/server/api/renewals";

export const PUT = apiRoute(API_ROUTES.setRenewalTerms, ({ caller, params, body }) => setRenewalTermsForApi(caller.user, params.id, body));
