import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { mergeSettings, type Settings } from "@/lib/settings/schema";

/** The rules in force: stored rows over SPEC.md's defaults. Read fresh so an admin's change applies at once. */
export async function getSettings(tx: Tx = prisma): Promise<Settings> {
  const rows = await tx.setting.findMany({ select: { key: true, value: true } });
  return mergeSettings(rows);
}
