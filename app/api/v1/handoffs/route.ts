import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { listHandoffsForApi } from "@/lib/server/api/lists";

export const GET = apiRoute(API_ROUTES.listHandoffs, ({ caller, query }) => listHandoffsForApi(caller.user, query));
