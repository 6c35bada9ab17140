import "server-only";
import { prisma } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { contractTermsSchema, type ContractTermsInput } from "@/lib/forecast/forms";
import { recordAudit } from "@/lib/server/audit";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { canEditTerms } from "@/lib/server/forecast/permissions";
import { findForecastRenewal, forecastContext, lockRenewal } from "@/lib/server/forecast/context";

// A renewal's contract terms (issue 12 §2): auto-renew, notice days (the decision date moves with them) and the price
// uplift a flat renewal includes. The account's CSM, CS managers and admins edit them, audited with before and after.

export async function updateContractTerms(actor: ActingUser, input: ContractTermsInput, now = new Date()): Promise<{ renewalId: string }> {
  assertRole(actor, ["CSM", "CS_MANAGER", "ADMIN"]);
  const parsed = contractTermsSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    await lockRenewal(tx, parsed.renewalId);
    const renewal = await findForecastRenewal(actor, parsed.renewalId, await forecastContext(now, tx), tx);
    if (!canEditTerms(actor, renewal)) throw forbidden("Only the account's CSM, a CS manager or an admin edits the contract terms.");
    if (!renewal.open) throw new AppError("CONFLICT", "This renewal is closed: its terms are final.");
    const noticeDays = parsed.noticeDays === "" || parsed.noticeDays === 0 ? null : parsed.noticeDays;
    await tx.renewalOpportunity.update({ where: { id: renewal.id }, data: { autoRenew: parsed.autoRenew, noticeDays, upliftPct: parsed.upliftPct } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "renewal.terms_changed",
      entityType: "RenewalOpportunity",
      entityId: renewal.id,
      data: {
        accountId: renewal.accountId,
        summary: `Contract terms: ${parsed.autoRenew ? "auto-renews" : "no auto-renew"}, ${noticeDays ? `${noticeDays} days' notice` : "no notice"}, ${parsed.upliftPct}% uplift`,
        from: { autoRenew: renewal.autoRenew, noticeDays: renewal.noticeDays, upliftPct: renewal.upliftPct },
        to: { autoRenew: parsed.autoRenew, noticeDays, upliftPct: parsed.upliftPct },
      },
    });
    return { renewalId: renewal.id };
  });
}
