import type { NextFetchEvent, NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);
const authProxy = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

/**
 * Sends signed-out visitors to the login page (lib/auth/config.ts `authorized`). The session cookie is rolled
 * forward on real requests only: a prefetch answered after a sign-out would otherwise set the old session again.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const response = await authProxy(request, event);
  const prefetch = request.headers.get("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (prefetch && response && (response.headers.has("set-cookie") || response.headers.has("x-middleware-set-cookie"))) {
    const headers = new Headers(response.headers);
    // Next carries a proxy's cookies to the page response in both headers.
    headers.delete("set-cookie");
    headers.delete("x-middleware-set-cookie");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico)$).*)"],
};
