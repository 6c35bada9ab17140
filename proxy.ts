import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/config";
import { sessionClaims } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { urlHasNul } from "@/lib/input/text";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

// Before every page and session route: refuses addresses with NUL bytes, keeps the client address honest for
// the sign-in throttle, sends signed-out visitors to /login and back, and sets the page's Content-Security-Policy
// with a fresh nonce. It never re-issues the session cookie (lib/auth/config.ts).

async function hasSession(request: NextRequest): Promise<boolean> {
  return (await sessionClaims((name) => request.cookies.get(name)?.value, env().AUTH_SECRET)) !== null;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const production = env().NODE_ENV === "production";
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { production });
  const page = !pathname.startsWith("/api/");
  const withPolicy = (response: Response) => {
    if (page) response.headers.set("Content-Security-Policy", policy);
    return response;
  };

  if (urlHasNul(request.nextUrl)) {
    return withPolicy(new Response("This address contains a NUL character (%00), which Baton does not accept.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } }));
  }
  if (!isPublicPath(pathname) && !(await hasSession(request))) {
    // Next rewrites the host inside the proxy; keep only path and query so the way back stays on this origin.
    const login = new URL("/login", request.nextUrl);
    login.search = new URLSearchParams({ callbackUrl: `${pathname}${search}` }).toString();
    return withPolicy(NextResponse.redirect(login));
  }

  const headers = new Headers(request.headers);
  // Without a trusted reverse proxy, an X-Forwarded-For the client sent is a lie it chose; dropped, Next sets it
  // to the connection's own address (lib/server/client-address.ts).
  if (env().TRUSTED_PROXY_HOPS === 0) headers.delete("x-forwarded-for");
  if (page) {
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", policy);
  }
  return withPolicy(NextResponse.next({ request: { headers } }));
}

// Uploads and imports stream their bodies straight to the route (the proxy would buffer and cut them at 10 MB;
// those routes authenticate and check the origin themselves), as do the bearer-token API and the signed webhook.
export const config = {
  // Icons and the web app manifest are public: browsers fetch them without the session. API and upload routes check their own.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|manifest.webmanifest|api/v1/|api/webhooks/|api/admin/imports$|api/handoffs/[^/]+/documents$|.*\\.(?:svg|png|ico)$).*)"],
};
