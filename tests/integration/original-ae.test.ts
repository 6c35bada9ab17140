import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { parseIsoDate } from "@/lib/dates";
import { createAccount, createUser } from "./support/fixtures";

// Account.originalAeId is kept by the database (account_original_ae migration): the owner of the account's first
// closed-won NEW deal (two on one day: the owner whose id sorts first), NULL before it has one.

const originalOf = async (accountId: string) =>
  (await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { originalAeId: true } })).originalAeId;

let deals = 0;
const deal = (accountId: string, ownerId: string, data: { type?: "NEW" | "EXPANSION"; stage?: "CLOSED_WON" | "NEGOTIATION"; closeDate: string }) =>
  prisma.deal.create({
    data: {
      externalId: `original-ae-${++deals}-${accountId}`,
      accountId,
      ownerId,
      name: `Deal ${deals}`,
      type: data.type ?? "NEW",
      stage: data.stage ?? "CLOSED_WON",
      amountCents: 1_000_00n,
      termMonths: 12,
      closeDate: parseIsoDate(data.closeDate),
    },
  });

describe("the stored original AE", () => {
  it("is the owner of the first closed-won new-business deal, whatever is written after", async () => {
    const [first, second, third] = await Promise.all([createUser("AE"), createUser("AE"), createUser("AE")]);
    const account = await createAccount({ aeId: third.id });
    expect(await originalOf(account.id)).toBeNull();

    // Open deals and expansions do not count.
    const open = await deal(account.id, second.id, { stage: "NEGOTIATION", closeDate: "2025-01-10" });
    await deal(account.id, third.id, { type: "EXPANSION", closeDate: "2024-06-01" });
    expect(await originalOf(account.id)).toBeNull();

    await deal(account.id, first.id, { closeDate: "2025-03-01" });
    expect(await originalOf(account.id)).toBe(first.id);
    // An earlier deal won later takes over; a deal won after the first one changes nothing.
    await prisma.deal.update({ where: { id: open.id }, data: { stage: "CLOSED_WON" } });
    expect(await originalOf(account.id)).toBe(second.id);
    await deal(account.id, third.id, { closeDate: "2026-01-01" });
    expect(await originalOf(account.id)).toBe(second.id);

    // A new owner of the first deal, or its removal, moves it.
    await prisma.deal.update({ where: { id: open.id }, data: { ownerId: third.id } });
    expect(await originalOf(account.id)).toBe(third.id);
    await prisma.deal.delete({ where: { id: open.id } });
    expect(await originalOf(account.id)).toBe(first.id);

    // Written directly, it is recomputed.
    await prisma.account.update({ where: { id: account.id }, data: { originalAeId: second.id } });
    expect(await originalOf(account.id)).toBe(first.id);
  });

  it("breaks a tie on one day by the owner id", async () => {
    const [a, b] = await Promise.all([createUser("AE"), createUser("AE")]);
    const account = await createAccount({});
    await deal(account.id, a.id, { closeDate: "2025-05-05" });
    await deal(account.id, b.id, { closeDate: "2025-05-05" });
    expect(await originalOf(account.id)).toBe([a.id, b.id].sort()[0]);
  });
});
