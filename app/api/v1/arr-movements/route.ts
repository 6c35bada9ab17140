import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { recordArrMovement } from "@/lib/server/crm/upsert-record";
import { arrMovementRowOf } from "@/lib/server/crm/api-rows";

export const POST = apiRoute(API_ROUTES.recordArrMovement, ({ caller, body }) => recordArrMovement(caller.user, arrMovementRowOf(body)));
