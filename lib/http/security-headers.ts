// Baton's security headers, defined once. next.config.ts sends the static ones on every response (pages, API,
// downloads); proxy.ts adds each page's Content-Security-Policy with a fresh nonce, which Next puts on its own
// scripts (the page must render per request, which every Baton page does).

export interface HeaderOptions {
  production: boolean;
}

/** Sent on every response. HSTS only in production: a development server on plain http must stay reachable. */
export function staticSecurityHeaders(options: HeaderOptions): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ...(options.production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/** API responses and downloads are never a document to run: nothing may load, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page's policy: scripts only from Baton with this request's nonce ('strict-dynamic' lets those load their
 * chunks), styles from Baton's own sheets and nonce'd tags (style attributes allowed: React and the charts set
 * them), no plugins, no framing, forms only to Baton. React needs eval in development only.
 */
export function pageContentSecurityPolicy(nonce: string, options: HeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.production ? "" : " 'unsafe-eval'"}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
