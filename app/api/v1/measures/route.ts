import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { getMeasuresForApi } from "@/lib/server/api/measures";

export const GET = apiRoute(API_ROUTES.getMeasures, ({ caller, query }) => getMeasuresForApi(caller.user, query));
