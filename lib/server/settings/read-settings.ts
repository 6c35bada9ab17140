import "server-only";
import { prisma } from "@/lib/db";
import type { Settings } from "@/lib/settings/schema";
import { mergeSettings } from "@/lib/settings/schema";
import { assertRole, type ActingUser } from "@/lib/server/authz";

export interface SettingsView {
  settings: Settings;
  updated: Record<string, { at: Date; by: string | null }>;
}

/** The rule settings as an admin reviews them, with who changed each group last. */
export async function readSettingsForAdmin(actor: ActingUser): Promise<SettingsView> {
  assertRole(actor, ["ADMIN"]);
  const rows = await prisma.setting.findMany({
    select: { key: true, value: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return {
    settings: mergeSettings(rows),
    updated: Object.fromEntries(rows.map((row) => [row.key, { at: row.updatedAt, by: row.updatedBy?.name ?? null }])),
  };
}
