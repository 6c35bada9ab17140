import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { companyToday } from "@/lib/calendar/company-day";
import { parseIsoDate, toIsoDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { healthUsageSchema, milestonesSchema } from "@/lib/renewals/forms";
import { assertCanManageAccount, findVisibleAccount } from "@/lib/server/accounts/access";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { reassessRisk } from "@/lib/server/risk/reassess-risk";
import { getSettings } from "@/lib/server/settings/get-settings";

const WRITER_ROLES = ["CSM", "CS_MANAGER", "ADMIN"] as const;

/** The CSM records health and usage; the account's risk is assessed again with the new values. */
export async function updateHealthAndUsage(actor: ActingUser, input: z.input<typeof healthUsageSchema>, now = new Date()) {
  assertRole(actor, WRITER_ROLES);
  const parsed = healthUsageSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${parsed.accountId} FOR UPDATE`;
    const account = await findVisibleAccount(actor, parsed.accountId, tx);
    assertCanManageAccount(actor, account, "update health and usage");
    const before = await tx.account.findUniqueOrThrow({ where: { id: account.id }, select: { healthScore: true, usagePct: true } });
    await tx.account.update({ where: { id: account.id }, data: { healthScore: parsed.healthScore, usagePct: parsed.usagePct.toFixed(2) } });
    const risk = await reassessRisk(tx, { accountId: account.id, trigger: "health_update", actorId: actor.id, now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.health_updated",
      entityType: "Account",
      entityId: account.id,
      data: {
        healthScore: { from: before.healthScore, to: parsed.healthScore },
        usagePct: { from: Number(before.usagePct), to: parsed.usagePct },
        risk: { from: risk.previous, to: risk.overall },
      },
    });
    return risk;
  });
}

/**
 * Go-live and the first-value milestone, the dates time to first value is measured with. They record what
 * happened, so neither may be in the future nor before the account first signed. An empty date clears it.
 */
export async function recordMilestones(actor: ActingUser, input: z.input<typeof milestonesSchema>, now = new Date()): Promise<void> {
  assertRole(actor, WRITER_ROLES);
  const parsed = milestonesSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const account = await findVisibleAccount(actor, parsed.accountId, tx);
    assertCanManageAccount(actor, account, "record milestones");
    const { calendar } = await getSettings(tx);
    const today = companyToday(now, calendar.timezone);
    const current = await tx.account.findUniqueOrThrow({
      where: { id: account.id },
      select: { goLiveAt: true, firstValueAt: true, initialSignedAt: true, deals: { where: { stage: "CLOSED_WON" }, orderBy: { closeDate: "asc" }, take: 1, select: { closeDate: true } } },
    });
    const signed = current.initialSignedAt ?? current.deals[0]?.closeDate ?? null;
    const errors: Record<string, string[]> = {};
    const check = (field: "goLiveAt" | "firstValueAt", value: string): Date | null => {
      if (value === "") return null;
      let date: Date;
      try {
        date = parseIsoDate(value);
      } catch {
        errors[field] = ["Use a real date (YYYY-MM-DD)"];
        return null;
      }
      if (date > today) errors[field] = ["Record the date it happened: it cannot be in the future"];
      else if (signed && date < signed) errors[field] = [`It cannot be before the account signed (${toIsoDate(signed)})`];
      return date;
    };
    const goLiveAt = check("goLiveAt", parsed.goLiveAt);
    const firstValueAt = check("firstValueAt", parsed.firstValueAt);
    if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", "Some dates need attention.", errors);
    await tx.account.update({ where: { id: account.id }, data: { goLiveAt, firstValueAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.milestones_recorded",
      entityType: "Account",
      entityId: account.id,
      data: {
        goLiveAt: { from: current.goLiveAt ? toIsoDate(current.goLiveAt) : null, to: goLiveAt ? toIsoDate(goLiveAt) : null },
        firstValueAt: { from: current.firstValueAt ? toIsoDate(current.firstValueAt) : null, to: firstValueAt ? toIsoDate(firstValueAt) : null },
      },
    });
  });
}
