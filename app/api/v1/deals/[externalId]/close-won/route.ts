import { API_ROUTES } from "@/lib/api/routes";
import { apiRoute } from "@/lib/server/api/api-route";
import { closeWonByExternalId } from "@/lib/server/api/records";

export const POST = apiRoute(API_ROUTES.closeWon, ({ caller, params, body, tx }) =>
  closeWonByExternalId(caller.user, params.externalId, { tx, closedAt: body.closedAt ? new Date(body.closedAt) : null }),
);
