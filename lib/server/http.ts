import "server-only";
import { randomUUID } from "node:crypto";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** JSON error for route handlers: expected codes keep their message and fields; nothing else leaks. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ code: error.code, message: error.message, fields: error.fieldErrors ?? {} }, { status: HTTP_STATUS[error.code] });
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, "route handler failed");
  return Response.json({ code: "INTERNAL", message: `Something went wrong on our side (error ${errorId.slice(0, 8)}).` }, { status: 500 });
}
