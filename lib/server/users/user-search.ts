import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Users whose name or e-mail contains the search text; no filter without one. */
export function userSearch(q: string | undefined): Prisma.UserWhereInput {
  if (!q) return {};
  return { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] };
}
