import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { containsText } from "@/lib/search/query";

/** Users whose name or e-mail contains the search text; no filter without one. */
export function userSearch(q: string | undefined): Prisma.UserWhereInput {
  if (!q) return {};
  return { OR: [{ name: containsText(q) }, { email: containsText(q) }] };
}
