import "server-only";
import { logger } from "@/lib/logger";

// "The database cannot be reached" is an operations problem, not a bug: it gets its own page and message
// ("Baton cannot reach its database") and one clear log line, never a 500 with a stack.

// Prisma's connection errors (can't reach, timed out, no such database, login refused, connection closed)
// and the driver adapter's kinds and the raw network codes beneath them.
const UNREACHABLE = new Set([
  "P1000", "P1001", "P1002", "P1003", "P1017",
  "DatabaseNotReachable", "DatabaseDoesNotExist", "AuthenticationFailed", "ConnectionClosed", "SocketTimeout", "TooManyConnections",
  "ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN", "57P01", "57P03",
]);

function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 6) return [];
  const value = error as { code?: unknown; kind?: unknown; cause?: unknown; meta?: unknown; driverAdapterError?: unknown; errors?: unknown };
  const own = [value.code, value.kind].filter((code): code is string => typeof code === "string");
  const inner = [value.cause, value.meta, value.driverAdapterError, ...(Array.isArray(value.errors) ? value.errors : [])];
  return [...own, ...inner.flatMap((next) => codesOf(next, depth + 1))];
}

/** True when the error says PostgreSQL did not answer (refused, unknown host, down, no such database, login refused). */
export function isDatabaseUnreachable(error: unknown): boolean {
  return codesOf(error).some((code) => UNREACHABLE.has(code));
}

export const DATABASE_UNREACHABLE_MESSAGE = "Baton cannot reach its database. Check that PostgreSQL is running and that DATABASE_URL points at it, then reload.";

/** One line for the operator, without a stack: the cause is outside the code. */
export function logDatabaseUnreachable(where: string, error: unknown): void {
  const message = error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error);
  logger.error({ where, codes: codesOf(error), cause: message }, "Baton cannot reach its database");
}
