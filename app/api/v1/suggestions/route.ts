import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { listSuggestionsForApi } from "@/lib/server/api/lists";

export const GET = apiRoute(API_ROUTES.listSuggestions, ({ caller, query }) => listSuggestionsForApi(caller.user, query));
