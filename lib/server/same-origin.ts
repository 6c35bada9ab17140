import "server-only";
import { forbidden } from "@/lib/errors";

/**
 * Route handlers that change data with the session cookie (server actions check this themselves) call this
 * first: a request a browser marks as cross-site, or whose Origin is another site, is refused, so a foreign page
 * cannot post with a signed-in user's cookie. tests/unit/same-origin-routes.test.ts keeps every such route on it.
 */
export function assertSameOrigin(request: Request): void {
  if (request.headers.get("sec-fetch-site") === "cross-site") throw forbidden("This request came from another site.");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden("This request came from another site.");
  }
  if (!host || originHost !== host) throw forbidden("This request came from another site.");
}
