import "server-only";
import { randomBytes } from "node:crypto";

// Ids for rows the bulk import inserts with plain SQL (Prisma's cuid() default only applies to its own
// inserts): a cuid-like text — "c", the time in base 36, then 80 random bits — unique and roughly sortable.
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(10).toString("hex").slice(0, 16)}`;
}
