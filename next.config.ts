import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 when a data function refuses the acting user.
  experimental: { authInterrupts: true },
};

export default nextConfig;
