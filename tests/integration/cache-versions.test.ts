import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { approveAssignment } from "@/lib/server/assignments/approve-assignment";
import { computeSuggestion, createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import { loadSuggestionContext } from "@/lib/server/assignments/suggestion-context";
import { saveCsmProfile } from "@/lib/server/csm-profiles/csm-profiles";
import { getSettings } from "@/lib/server/settings/get-settings";
import { updateSettingGroup } from "@/lib/server/settings/update-settings";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { closeToHandoff, createAccount, createCsm, createDeal, createProduct, createUser, fillBook } from "./support/fixtures";

// The rule settings and the CSM roster are cached in each web process under a stamp the database moves on every write
// (cache_versions migration). A write this process never saw (raw SQL stands in for another process) and a write
// through the app must both show in the very next read, and a rolled-back transaction's rows must never be served.

/** Every candidate and excluded CSM of a fresh suggestion for the handoff, as name → score or reasons. */
async function suggestionFor(handoffId: string) {
  const context = await loadSuggestionContext(prisma, { handoffId });
  const { snapshot } = await computeSuggestion(prisma, context, new Date());
  return {
    top: snapshot.candidates[0]?.name ?? null,
    candidates: snapshot.candidates.map((candidate) => ({ name: candidate.name, score: candidate.score, load: candidate.load.accounts })),
    excluded: snapshot.excluded.map((entry) => ({ name: entry.name, reasons: entry.reasons })),
  };
}

async function handoffFor(options: { productIds?: string[] } = {}) {
  const ae = await createUser("AE");
  const account = await createAccount({ segment: "MID_MARKET" });
  const deal = await createDeal(account.id, ae.id, { amountCents: 6_000_000n });
  if (options.productIds?.length) await prisma.dealProduct.createMany({ data: options.productIds.map((productId) => ({ dealId: deal.id, productId })) });
  const handoffId = await closeToHandoff(ae, deal.id, { at: new Date("2026-11-16T15:00:00Z") });
  return { account, handoffId };
}

const profileFields = { tier: "MID_MARKET" as const, maxAccounts: 30, maxArr: "2000000", segments: [], industries: "", languages: "", region: "NA", timezone: "Europe/London", npsScore: 0, retentionRate: 0 };

describe("the in-process settings cache", () => {
  it("serves an admin's change, a change written outside the app and a deleted row on the next read", async () => {
    const admin = await createUser("ADMIN");
    expect((await getSettings()).scoring.segmentExpertise).toBe(DEFAULT_SETTINGS.scoring.segmentExpertise);

    await updateSettingGroup(admin, { key: "scoring", value: { ...DEFAULT_SETTINGS.scoring, segmentExpertise: 31 } });
    expect((await getSettings()).scoring.segmentExpertise).toBe(31);

    // Another process's write: nothing in this one hears of it but the stamp.
    await prisma.$executeRaw`UPDATE "Setting" SET value = jsonb_set(value, '{segmentExpertise}', '44') WHERE key = 'scoring'`;
    expect((await getSettings()).scoring.segmentExpertise).toBe(44);

    await prisma.$executeRaw`DELETE FROM "Setting" WHERE key = 'scoring'`;
    expect((await getSettings()).scoring).toEqual(DEFAULT_SETTINGS.scoring);
  });

  it("never serves what a rolled-back transaction read of its own writes, and returns the same frozen rules while nothing changed", async () => {
    const first = await getSettings();
    expect(await getSettings()).toBe(first);
    expect(Object.isFrozen(first.handoff.renewalAlertDays)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.handoff.renewalAlertDays)).toBe(false);

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "handoff", value: { ...DEFAULT_SETTINGS.handoff, slaBusinessHours: 5 } } });
        expect((await getSettings(tx)).handoff.slaBusinessHours).toBe(5);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await getSettings()).handoff.slaBusinessHours).toBe(DEFAULT_SETTINGS.handoff.slaBusinessHours);
  });
});

describe("the in-process CSM roster cache", () => {
  it("shows a profile change, an expertise change, a rename, a deactivation and a book change in the next suggestion", async () => {
    const admin = await createUser("ADMIN");
    const core = await createProduct({ name: "Core" });
    const ada = await createCsm({ name: "Ada Cache", segments: ["MID_MARKET"] });
    const ben = await createCsm({ name: "Ben Cache" });
    const { handoffId } = await handoffFor({ productIds: [core.id] });
    const initial = await suggestionFor(handoffId);
    expect(initial.top).toBe("Ada Cache");
    expect(initial.candidates).toEqual([
      { name: "Ada Cache", score: 125, load: 0 },
      { name: "Ben Cache", score: 100, load: 0 },
    ]);

    // A profile change through the admin's form: Ada moves to the enterprise tier and is excluded.
    await saveCsmProfile(admin, { ...profileFields, userId: ada.id, tier: "ENTERPRISE", segments: ["MID_MARKET"] });
    const moved = await suggestionFor(handoffId);
    expect(moved.candidates.map((c) => c.name)).toEqual(["Ben Cache"]);
    expect(moved.excluded).toEqual([{ name: "Ada Cache", reasons: ["Enterprise tier, account is Mid-Market"] }]);

    // Expertise through the form: Ben works with Core now.
    await saveCsmProfile(admin, { ...profileFields, userId: ben.id, productIds: [core.id] });
    expect((await suggestionFor(handoffId)).candidates).toEqual([{ name: "Ben Cache", score: 110, load: 0 }]);

    // Written outside the app (another process): Ada back in her tier, and Ben renamed.
    await prisma.$executeRaw`UPDATE "CsmProfile" SET tier = 'MID_MARKET' WHERE "userId" = ${ada.id}`;
    await prisma.$executeRaw`UPDATE "User" SET name = 'Benedict Cache' WHERE id = ${ben.id}`;
    expect((await suggestionFor(handoffId)).candidates).toEqual([
      { name: "Ada Cache", score: 125, load: 0 },
      { name: "Benedict Cache", score: 110, load: 0 },
    ]);

    // The book: two accounts for Ada (the counters, not the roster, carry it).
    await fillBook(ada.id, 2, 1_000_000n);
    const booked = await suggestionFor(handoffId);
    expect(booked.candidates.find((c) => c.name === "Ada Cache")?.load).toBe(2);

    // Deactivated through the admin path: Ada is gone from candidates and excluded alike.
    await setUserActive(admin, { userId: ada.id, active: false });
    const deactivated = await suggestionFor(handoffId);
    expect(deactivated.candidates.map((c) => c.name)).toEqual(["Benedict Cache"]);
    expect(deactivated.excluded).toEqual([]);
  });

  it("an approval's new book shows in the next suggestion, and a rolled-back profile change never does", async () => {
    const manager = await createUser("CS_MANAGER");
    const ada = await createCsm({ name: "Ada Cache", maxAccounts: 1 });
    const first = await handoffFor();
    const second = await handoffFor();
    const { assignmentId } = await prisma.$transaction((tx) => createCsmSuggestion(tx, { handoffId: first.handoffId }));
    expect((await suggestionFor(second.handoffId)).top).toBe("Ada Cache");
    await approveAssignment(manager, { assignmentId });
    // Her one seat is taken: the next suggestion excludes her at capacity.
    expect(await suggestionFor(second.handoffId)).toEqual({ top: null, candidates: [], excluded: [{ name: "Ada Cache", reasons: ["at capacity 1/1 accounts"] }] });

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "CsmProfile" SET "maxAccounts" = 5 WHERE "userId" = ${ada.id}`;
        const context = await loadSuggestionContext(tx, { handoffId: second.handoffId });
        expect((await computeSuggestion(tx, context, new Date())).snapshot.candidates.map((c) => c.name)).toEqual(["Ada Cache"]);
        // A second write in the same transaction moves the stamp again: its read after the write sees it.
        await tx.$executeRaw`UPDATE "User" SET name = 'Ada Renamed' WHERE id = ${ada.id}`;
        expect((await computeSuggestion(tx, context, new Date())).snapshot.candidates.map((c) => c.name)).toEqual(["Ada Renamed"]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await suggestionFor(second.handoffId)).excluded).toEqual([{ name: "Ada Cache", reasons: ["at capacity 1/1 accounts"] }]);
  });
});
