import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { parseIsoDate } from "@/lib/dates";
import { zonedDateTimeToInstant } from "@/lib/zoned-time";
import { accountSetupSchema, handoffIdField } from "@/lib/handoff/forms";
import type { ActingUser } from "@/lib/server/authz";
import { findVisibleHandoff } from "@/lib/server/handoffs/access";
import { lockHandoff } from "@/lib/server/handoffs/lock";
import { canSetUpAccount } from "@/lib/server/handoffs/permissions";
import { completePolicyStep } from "@/lib/server/handoffs/policy/complete-step";
import { getSettings } from "@/lib/server/settings/get-settings";

export const completeAccountSetupInput = accountSetupSchema.extend(handoffIdField);

/**
 * Step 4 of the 72-hour rule, owned by the CS manager: the client environment is provisioned, the official
 * kick-off is scheduled, and a project plan (milestones) exists.
 */
export async function completeAccountSetup(actor: ActingUser, input: z.infer<typeof completeAccountSetupInput>, now = new Date()) {
  if (!canSetUpAccount(actor)) throw forbidden();
  const parsed = completeAccountSetupInput.parse(input);
  await prisma.$transaction(async (tx) => {
    await lockHandoff(tx, parsed.handoffId);
    const access = await findVisibleHandoff(actor, parsed.handoffId, tx);
    if (access.status === "SKIPPED") throw new AppError("CONFLICT", "This handoff was skipped.");
    const settings = await getSettings(tx);
    const kickoffAt = zonedDateTimeToInstant(parsed.kickoffDate, parsed.kickoffTime, settings.calendar.timezone);

    await tx.meeting.deleteMany({ where: { handoffId: access.id, kind: "KICKOFF" } });
    await tx.meeting.create({
      data: {
        kind: "KICKOFF",
        accountId: access.accountId,
        dealId: access.dealId,
        handoffId: access.id,
        startsAt: kickoffAt,
        durationMinutes: 60,
        attendeeEmails: [],
        notes: "Official kick-off with the customer",
        createdById: actor.id,
      },
    });
    await tx.projectMilestone.deleteMany({ where: { handoffId: access.id } });
    await tx.projectMilestone.createMany({
      data: parsed.milestones.map((milestone, position) => ({
        accountId: access.accountId,
        handoffId: access.id,
        name: milestone.name,
        dueDate: parseIsoDate(milestone.dueDate),
        position,
      })),
    });
    await completePolicyStep(tx, {
      handoffId: access.id,
      step: "ACCOUNT_SETUP",
      actorId: actor.id,
      data: { environmentUrl: parsed.environmentUrl, kickoffAt: kickoffAt.toISOString(), milestones: parsed.milestones.length },
      now,
    });
  });
}
