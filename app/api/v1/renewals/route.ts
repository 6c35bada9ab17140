import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { listRenewalsForApi } from "@/lib/server/api/lists";

export const GET = apiRoute(API_ROUTES.listRenewals, ({ caller, query }) => listRenewalsForApi(caller.user, query));
