import "server-only";
import { env } from "@/lib/env";

/**
 * The client's network address for the sign-in throttle. With no trusted reverse proxy (TRUSTED_PROXY_HOPS=0)
 * proxy.ts drops any X-Forwarded-For the client sent, and Next fills it with the connection's address; behind N
 * trusted proxies, each appends the address it saw, so the client's is the N-th entry from the right.
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const hops = Math.max(1, env().TRUSTED_PROXY_HOPS);
  const address = entries[entries.length - hops] ?? entries[0] ?? "unknown";
  return address.replace(/^::ffff:/, "").slice(0, 100);
}
