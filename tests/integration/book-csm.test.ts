import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createAccount, createUser } from "./support/fixtures";

// Account.bookCsmId is kept by the database (book_csm migration): the account's CSM, else the CSM chosen by its
// latest approved or overridden assignment. The dashboard's CSM and team cuts filter on it.

const bookOf = async (accountId: string) => (await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { bookCsmId: true } })).bookCsmId;

describe("the stored book CSM", () => {
  it("follows the account's CSM, and without one the CSM of its latest approved assignment", async () => {
    const [first, second, third] = await Promise.all([createUser("CSM"), createUser("CSM"), createUser("CSM")]);
    const account = await createAccount({ csmId: first.id });
    expect(await bookOf(account.id)).toBe(first.id);

    await prisma.account.update({ where: { id: account.id }, data: { csmId: second.id } });
    expect(await bookOf(account.id)).toBe(second.id);

    // No CSM and no decided assignment: in no book.
    await prisma.account.update({ where: { id: account.id }, data: { csmId: null } });
    expect(await bookOf(account.id)).toBeNull();

    // A pending or rejected assignment does not place it; an approved one does, the latest decision winning.
    await prisma.csmAssignment.create({ data: { accountId: account.id, status: "PENDING", suggestedCsmId: third.id } });
    await prisma.csmAssignment.create({ data: { accountId: account.id, status: "REJECTED", suggestedCsmId: third.id, chosenCsmId: third.id, decidedAt: new Date("2026-03-01T10:00:00Z") } });
    expect(await bookOf(account.id)).toBeNull();
    const approved = await prisma.csmAssignment.create({
      data: { accountId: account.id, status: "APPROVED", suggestedCsmId: first.id, chosenCsmId: first.id, decidedAt: new Date("2026-01-10T10:00:00Z") },
    });
    expect(await bookOf(account.id)).toBe(first.id);
    const overridden = await prisma.csmAssignment.create({
      data: { accountId: account.id, status: "OVERRIDDEN", suggestedCsmId: first.id, chosenCsmId: second.id, decidedAt: new Date("2026-02-10T10:00:00Z") },
    });
    expect(await bookOf(account.id)).toBe(second.id);

    // Changing or removing the latest decision moves the account back.
    await prisma.csmAssignment.update({ where: { id: overridden.id }, data: { decidedAt: new Date("2025-12-01T10:00:00Z") } });
    expect(await bookOf(account.id)).toBe(first.id);
    await prisma.csmAssignment.delete({ where: { id: approved.id } });
    expect(await bookOf(account.id)).toBe(second.id);

    // A CSM on the account wins over any assignment.
    await prisma.account.update({ where: { id: account.id }, data: { csmId: third.id } });
    expect(await bookOf(account.id)).toBe(third.id);
  });

  it("cannot be written to anything else, and follows a deleted CSM", async () => {
    const [csm, other] = await Promise.all([createUser("CSM"), createUser("CSM")]);
    const account = await createAccount({ csmId: csm.id });
    await prisma.account.update({ where: { id: account.id }, data: { bookCsmId: other.id } });
    expect(await bookOf(account.id)).toBe(csm.id);

    // The CSM's removal sets the account's CSM to NULL (ON DELETE SET NULL): the book follows.
    await prisma.user.delete({ where: { id: csm.id } });
    expect(await bookOf(account.id)).toBeNull();
  });
});
