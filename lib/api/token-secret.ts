import { createHash, randomBytes } from "node:crypto";

// API token secrets: 32 random bytes, shown to the admin once; only their SHA-256 is stored. The prefix (the
// first characters) is kept so people can tell their tokens apart in the list.

export const TOKEN_PREFIX = "baton_";

export function newTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, TOKEN_PREFIX.length + 6), hash: hashTokenSecret(secret) };
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
