import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { addBusinessHours } from "@/lib/business-hours";
import { env } from "@/lib/env";
import { AppError, forbidden } from "@/lib/errors";
import { formatCentsWhole } from "@/lib/format";
import { dollarsToCents, expansionSchema } from "@/lib/renewals/forms";
import { findVisibleAccount } from "@/lib/server/accounts/access";
import { canIdentifyExpansion } from "@/lib/server/accounts/permissions";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import { recordAudit } from "@/lib/server/audit";
import type { ActingUser } from "@/lib/server/authz";
import { getBoss } from "@/lib/server/jobs/boss";
import { recordAlert } from "@/lib/server/notifications/record-alert";
import { activeUser, activeUsersWithRole } from "@/lib/server/notifications/recipients";
import { getSettings } from "@/lib/server/settings/get-settings";

// Handoff type "Expansion" (000): when an upsell is identified, Sales and CS coordinate at once. The action
// opens an Expansion handoff on the account — no deal needed yet — due 72 business hours later, records the
// expansion potential, and tells the account's AE (in the bell and by e-mail). One open Expansion handoff per
// account at a time: a second click while one is open is refused rather than duplicated.

export async function identifyExpansion(actor: ActingUser, input: z.input<typeof expansionSchema>, now = new Date()): Promise<{ handoffId: string }> {
  const parsed = expansionSchema.parse(input);
  await getBoss();
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${parsed.accountId} FOR UPDATE`;
      const account = await findVisibleAccount(actor, parsed.accountId, tx);
      if (!canIdentifyExpansion(actor, account)) throw forbidden("Only the account's CSM, AE or a CS manager can identify an expansion.");
      const open = await tx.handoff.findFirst({
        where: { accountId: account.id, type: "EXPANSION", dealId: null, status: { in: ["IN_PROGRESS", "SUBMITTED"] } },
        select: { id: true },
      });
      if (open) throw new AppError("CONFLICT", "An expansion handoff is already open for this account.");
      const settings = await getSettings(tx);
      const potentialCents = parsed.potential === "" ? null : dollarsToCents(parsed.potential);
      if (potentialCents !== null) await tx.account.update({ where: { id: account.id }, data: { expansionPotentialCents: potentialCents } });
      const handoff = await tx.handoff.create({
        // Whoever spotted it owns the coordination until the lead is chosen (the Expansion flow's second step).
        data: { type: "EXPANSION", ownerId: actor.id, accountId: account.id, startedAt: now, dueAt: addBusinessHours(now, settings.handoff.slaBusinessHours, settings.calendar) },
        select: { id: true },
      });
      if (!account.csmId) await createCsmSuggestion(tx, { handoffId: handoff.id, now });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "account.expansion_identified",
        entityType: "Account",
        entityId: account.id,
        data: { handoffId: handoff.id, potentialCents: potentialCents === null ? null : String(potentialCents), notes: parsed.notes },
      });

      // The AE of the account, else the AE of its latest deal; without any, the CS managers coordinate.
      const latestDeal = await tx.deal.findFirst({ where: { accountId: account.id }, orderBy: [{ closeDate: "desc" }, { id: "desc" }], select: { ownerId: true } });
      const ae = (await activeUser(tx, account.aeId)) ?? (await activeUser(tx, latestDeal?.ownerId));
      const recipients = (ae ? [ae] : await activeUsersWithRole(tx, "CS_MANAGER")).filter((user) => user.id !== actor.id);
      const link = `/accounts/${account.id}`;
      const potential = potentialCents === null ? "" : ` Estimated potential: ${formatCentsWhole(potentialCents)}.`;
      const body = `${actor.name} identified an expansion opportunity at ${account.name}.${potential}${parsed.notes ? ` Notes: ${parsed.notes}` : ""} Coordinate the next step with the CSM.`;
      await recordAlert(tx, {
        key: `expansion-identified:${handoff.id}`,
        now,
        notifications: recipients.map((user) => ({ userId: user.id, kind: "expansion_identified", title: `Expansion identified: ${account.name}`, body, link })),
        email: {
          kind: "HANDOFF_NOTIFICATION",
          to: recipients.map((user) => user.email),
          cc: [actor.email],
          subject: `Expansion identified: ${account.name}`,
          body: `${body}\n\nOpen the account: ${env().APP_URL}${link}\n`,
          accountId: account.id,
          handoffId: handoff.id,
          sentById: actor.id,
        },
      });
      return { handoffId: handoff.id };
    },
    { timeout: 30_000 },
  );
}
