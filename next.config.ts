import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./lib/http/security-headers";

const production = process.env.NODE_ENV === "production";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 when a data function refuses the acting user.
  experimental: { authInterrupts: true },
  // Pages get their nonce'd Content-Security-Policy from proxy.ts; everything else gets these.
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders({ production }) },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
