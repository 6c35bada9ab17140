import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { readRenewal } from "@/lib/server/api/renewals";

export const GET = apiRoute(API_ROUTES.getRenewal, ({ caller, params }) => readRenewal(caller.user, params.id));
