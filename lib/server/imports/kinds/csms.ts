import "server-only";
import type { Tx } from "@/lib/db";
import type { CsmRow } from "@/lib/imports/row-schemas";
import { ROLE_LABELS } from "@/lib/auth/roles";
import {
  checkProducts,
  checkUser,
  diffIds,
  problems,
  productsByName,
  usersByEmail,
  type UserRef,
} from "@/lib/server/imports/references";
import { defineHandler, RowError } from "@/lib/server/imports/types";

// csms.csv — key `email`. Creates the CSM's user (role CSM, no password: an admin invites them to sign in) and
// profile, or updates both. Empty max_accounts / max_arr take the tier's limits from the rule settings.

interface CsmLookup {
  users: Map<string, UserRef>;
  products: Map<string, string>;
}

export const csmsImport = defineHandler<CsmRow, CsmLookup>({
  async lookup(tx, rows) {
    const users = await usersByEmail(tx, rows.flatMap((row) => [row.email, row.managerEmail]));
    const products = await productsByName(tx, rows.flatMap((row) => [...row.products, ...row.certifications]));
    return { users, products };
  },
  check(row, { users, products }) {
    const existing = users.get(row.email);
    return problems(
      existing && existing.role !== "CSM" ? { field: "email", reason: `${row.email} is a ${ROLE_LABELS[existing.role]}, not a CSM` } : null,
      checkUser(users, "manager_email", row.managerEmail, ["CS_MANAGER", "ADMIN", "LEADERSHIP"]),
      checkProducts(products, "products", row.products),
      checkProducts(products, "certifications", row.certifications),
    );
  },
  async write(tx, row, { users, products }, context) {
    const managerId = row.managerEmail ? users.get(row.managerEmail)!.id : undefined;
    const user = await tx.user.upsert({
      where: { email: row.email },
      create: { email: row.email, name: row.name, role: "CSM", managerId },
      update: { name: row.name, ...(managerId ? { managerId } : {}) },
      select: { id: true, role: true },
    });
    if (user.role !== "CSM") throw new RowError("email", `${row.email} is a ${ROLE_LABELS[user.role]}, not a CSM`);

    const limits = context.settings.capacity[row.tier];
    const fields = {
      tier: row.tier,
      segments: row.segments,
      industries: row.industries,
      region: row.region,
      timezone: row.timezone,
      languages: row.languages,
    };
    const profile = await tx.csmProfile.upsert({
      where: { userId: user.id },
      create: {
        ...fields,
        userId: user.id,
        maxAccounts: row.maxAccounts ?? limits.maxAccounts,
        maxArrCents: row.maxArrCents ?? BigInt(limits.maxArrCents),
        npsScore: row.npsScore ?? "0",
        retentionRate: row.retentionRate ?? "0",
      },
      update: {
        ...fields,
        ...(row.maxAccounts === null ? {} : { maxAccounts: row.maxAccounts }),
        ...(row.maxArrCents === null ? {} : { maxArrCents: row.maxArrCents }),
        ...(row.npsScore === null ? {} : { npsScore: row.npsScore }),
        ...(row.retentionRate === null ? {} : { retentionRate: row.retentionRate }),
      },
      select: { id: true },
    });
    await syncProfileProducts(tx, profile.id, row.products.map((name) => products.get(name)!), row.certifications.map((name) => products.get(name)!));
  },
});

async function syncProfileProducts(tx: Tx, csmProfileId: string, expertise: string[], certified: string[]): Promise<void> {
  // One after the other: a transaction is one connection.
  const currentExpertise = await tx.csmProductExpertise.findMany({ where: { csmProfileId }, select: { productId: true } });
  const currentCertified = await tx.csmCertification.findMany({ where: { csmProfileId }, select: { productId: true } });
  const expertiseDiff = diffIds(currentExpertise.map((row) => row.productId), expertise);
  const certifiedDiff = diffIds(currentCertified.map((row) => row.productId), certified);
  if (expertiseDiff.remove.length > 0) await tx.csmProductExpertise.deleteMany({ where: { csmProfileId, productId: { in: expertiseDiff.remove } } });
  if (expertiseDiff.add.length > 0) await tx.csmProductExpertise.createMany({ data: expertiseDiff.add.map((productId) => ({ csmProfileId, productId })) });
  // Certifications keep their date: only new ones are added, withdrawn ones removed.
  if (certifiedDiff.remove.length > 0) await tx.csmCertification.deleteMany({ where: { csmProfileId, productId: { in: certifiedDiff.remove } } });
  if (certifiedDiff.add.length > 0) await tx.csmCertification.createMany({ data: certifiedDiff.add.map((productId) => ({ csmProfileId, productId })) });
}
