import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SETTING_KEYS, settingsSchema, type SettingKey, type Settings } from "@/lib/settings/schema";
import { settingGroupProblems } from "@/lib/settings/rules";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { getSettings } from "@/lib/server/settings/get-settings";

export const updateSettingsInput = z.object({
  key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]),
  value: z.unknown(),
});

/**
 * An admin saves one group of rule settings. Validated by the group's schema (errors name the field, e.g.
 * `scoring.npsFactor`), stored, audited with the values before and after, and in force at once: every rule
 * is read through getSettings() on use.
 */
export async function updateSettingGroup(actor: ActingUser, input: z.infer<typeof updateSettingsInput>): Promise<{ changed: boolean }> {
  assertRole(actor, ["ADMIN"]);
  const { key, value } = updateSettingsInput.parse(input);
  const parsed = settingsSchema.shape[key].safeParse(value);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[[key, ...issue.path].join(".")] ??= []).push(issue.message);
    throw new AppError("VALIDATION", "Some settings need attention.", fields);
  }
  const after = parsed.data as Settings[typeof key];
  const problems = settingGroupProblems(key, after);
  if (Object.keys(problems).length > 0) throw new AppError("VALIDATION", "Some settings need attention.", problems);

  return prisma.$transaction(async (tx) => {
    // Serializes two admins saving the same group: the audit's "before" is what the second one replaced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`setting:${key}`}))`;
    const before = (await getSettings(tx))[key];
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };
    const stored = after as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({
      where: { key },
      create: { key, value: stored, updatedById: actor.id },
      update: { value: stored, updatedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.updated",
      entityType: "Setting",
      entityId: key,
      data: { before: before as unknown as Prisma.InputJsonValue, after: stored },
    });
    return { changed: true };
  });
}
