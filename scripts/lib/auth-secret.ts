import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const SECRET_FILE = ".data/auth-secret";

/** AUTH_SECRET if set; otherwise one generated on first run and kept in .data, so sessions survive restarts. */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  mkdirSync(".data", { recursive: true });
  const secret = randomBytes(32).toString("base64");
  writeFileSync(SECRET_FILE, secret, { mode: 0o600 });
  return secret;
}
