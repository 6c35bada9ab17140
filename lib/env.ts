import { z } from "zod";

// The one place that reads process.env. Validated once, on first use, with messages naming the variable.
const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/baton";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
    .default(DEFAULT_DATABASE_URL),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
  // The largest CSV file the admin page imports; a larger one is refused whole, with a message.
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(200),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("Baton <baton@localhost>"),
  MAIL_CAPTURE_DIR: z.string().min(1).default(".data/mail"),
  // Where links in e-mails and calendar events point (the address people open Baton at).
  APP_URL: z.url("must be a URL such as https://baton.example.com").default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  // Failed sign-ins to one account beyond SIGN_IN_MAX_FAILURES wait 1, 2, 4 … seconds, at most this long.
  SIGN_IN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Reverse proxies in front of Baton that append the client's address to X-Forwarded-For; 0 = none, the
  // header a client sends is ignored and the connection's address counts.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // A session ends this long after sign-in, whatever happens, or after this long without a request.
  SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(24 * 60).default(60),
  // Shared secret the CRM signs webhook deliveries with (HMAC-SHA256); the webhook is off without it.
  CRM_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -hex 32`)").optional(),
  // Single sign-on with any OpenID Connect provider (Okta, Google Workspace, Entra ID): on when all three are set.
  AUTH_OIDC_ISSUER: z.url("must be the provider's issuer URL, e.g. https://your-org.okta.com").optional(),
  AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().min(1).default("SSO"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment settings:\n${lines.join("\n")}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.AUTH_SECRET) {
    throw new Error("Invalid environment settings:\n  AUTH_SECRET: required when NODE_ENV=production");
  }
  const oidc = [parsed.data.AUTH_OIDC_ISSUER, parsed.data.AUTH_OIDC_CLIENT_ID, parsed.data.AUTH_OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new Error("Invalid environment settings:\n  AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET: set all three to turn SSO on, or none");
  }
  cached = parsed.data;
  return cached;
}

export { DEFAULT_DATABASE_URL };
