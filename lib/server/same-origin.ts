import "server-only";
import { forbidden } from "@/lib/errors";

/**
 * Route handlers that change data with the session cookie (server actions check this themselves): a request
 * whose Origin is another site is refused, so a foreign page cannot post with the admin's cookie.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden("This request came from another site.");
  }
  if (host && originHost !== host) throw forbidden("This request came from another site.");
}
