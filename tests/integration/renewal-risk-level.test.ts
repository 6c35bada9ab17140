import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createAccount, createRenewal, createUser } from "./support/fixtures";

// RenewalOpportunity.riskLevel is kept by the database (renewal_risk_level migration): the overall level of the
// account's latest risk assessment (latest createdAt, then id), or NULL while it has none.

const levelOf = async (renewalId: string) =>
  (await prisma.renewalOpportunity.findUniqueOrThrow({ where: { id: renewalId }, select: { riskLevel: true } })).riskLevel;
const assess = (accountId: string, overall: "LOW" | "MEDIUM" | "HIGH", createdAt: string) =>
  prisma.riskAssessment.create({ data: { accountId, overall, factors: [], trigger: "test", createdAt: new Date(createdAt) } });

describe("the renewal's stored risk level", () => {
  it("follows the account's latest assessment, written before or after the renewal", async () => {
    const ae = await createUser("AE");
    const account = await createAccount({ aeId: ae.id });
    const other = await createAccount({ aeId: ae.id });
    await assess(account.id, "LOW", "2026-01-01T10:00:00Z");
    const first = await createRenewal(account.id, ae.id, { renewalDate: new Date("2027-01-15") });
    const second = await createRenewal(account.id, ae.id, { renewalDate: new Date("2028-01-15") });
    const elsewhere = await createRenewal(other.id, ae.id, { renewalDate: new Date("2027-03-01") });
    expect([await levelOf(first.id), await levelOf(second.id), await levelOf(elsewhere.id)]).toEqual(["LOW", "LOW", null]);

    const high = await assess(account.id, "HIGH", "2026-05-01T10:00:00Z");
    // An older assessment written later does not win.
    await assess(account.id, "MEDIUM", "2026-03-01T10:00:00Z");
    expect([await levelOf(first.id), await levelOf(second.id), await levelOf(elsewhere.id)]).toEqual(["HIGH", "HIGH", null]);

    await prisma.riskAssessment.update({ where: { id: high.id }, data: { overall: "LOW" } });
    expect(await levelOf(first.id)).toBe("LOW");
    await prisma.riskAssessment.delete({ where: { id: high.id } });
    expect(await levelOf(first.id)).toBe("MEDIUM");

    // Moved to the other account, a renewal takes that account's level; written directly, it is recomputed.
    await prisma.renewalOpportunity.update({ where: { id: second.id }, data: { accountId: other.id } });
    expect(await levelOf(second.id)).toBeNull();
    await prisma.renewalOpportunity.update({ where: { id: first.id }, data: { riskLevel: "HIGH" } });
    expect(await levelOf(first.id)).toBe("MEDIUM");
  });
});
