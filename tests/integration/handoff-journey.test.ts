import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { parseSnapshot } from "@/lib/assignment/snapshot";
import { approveAssignment } from "@/lib/server/assignments/approve-assignment";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { markDealClosedWon, previewCloseWon } from "@/lib/server/deals/mark-closed-won";
import { completeAccountSetup } from "@/lib/server/handoffs/policy/account-setup";
import { introductionDraft, sendClientIntroduction } from "@/lib/server/handoffs/policy/client-introduction";
import { uploadHandoffDocument } from "@/lib/server/handoffs/policy/documents";
import { logHandoffMeeting } from "@/lib/server/handoffs/policy/handoff-meeting";
import { saveChecklist } from "@/lib/server/handoffs/save-checklist";
import { submitHandoff } from "@/lib/server/handoffs/submit-handoff";
import { CLIENT_INTRODUCTION_KEY, CLIENT_INTRODUCTION_TEMPLATE } from "@/lib/demo/email-template";
import { completeChecklistFor, PDF_BYTES } from "./support/checklist";
import { createAccount, createCsm, createDeal, createProduct, createUser, closeToHandoff } from "./support/fixtures";

const CLOSED_AT = new Date("2026-11-16T15:00:00Z");

async function closedDeal(options: { csm?: boolean } = {}) {
  const ae = await createUser("AE");
  const account = await createAccount();
  const deal = await createDeal(account.id, ae.id);
  const product = await createProduct();
  await prisma.dealProduct.create({ data: { dealId: deal.id, productId: product.id } });
  const csm = options.csm === false ? null : await createCsm({ name: "Casey Lane", maxAccounts: 30, segments: ["MID_MARKET"] });
  const handoffId = await closeToHandoff(ae, deal.id, { at: CLOSED_AT });
  return { ae, account, deal, product, csm, handoffId };
}

const meeting = (handoffId: string, csManagerId: string) => ({
  handoffId,
  date: "2026-11-17",
  time: "10:00",
  durationMinutes: 30,
  csManagerId,
  otherAttendees: "",
  notes: "Walked through history, pain points and the ROI metrics we agreed.",
});

describe("the CSM suggestion at closed-won", () => {
  it("is made once, in the closed-won flow, and never again at submit or on a second close", async () => {
    const { ae, deal, product, csm, handoffId } = await closedDeal();
    const made = await prisma.csmAssignment.findMany({ where: { handoffId } });
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ status: "PENDING", suggestedCsmId: csm!.id });
    const computedAt = parseSnapshot(made[0]!.candidates)?.computedAt;
    expect(computedAt).toBe(CLOSED_AT.toISOString());

    await closeDealWon(ae, deal.id);
    await Promise.all([closeDealWon(ae, deal.id), closeDealWon(ae, deal.id)]);
    await saveChecklist(ae, { handoffId, version: 1, checklist: completeChecklistFor([product.id]) });
    await submitHandoff(ae, handoffId, new Date("2026-11-17T15:00:00Z"));
    const after = await prisma.csmAssignment.findMany({ where: { handoffId } });
    expect(after.map((a) => a.id)).toEqual([made[0]!.id]);
    expect(parseSnapshot(after[0]!.candidates)?.computedAt).toBe(computedAt);
  });

  it("lets a CS manager approve during the checklist, and the introduction go out before the checklist is submitted", async () => {
    const { ae, account, handoffId, csm } = await closedDeal();
    const manager = await createUser("CS_MANAGER");
    const assignment = await prisma.csmAssignment.findFirstOrThrow({ where: { handoffId } });
    await approveAssignment(manager, { assignmentId: assignment.id }, { now: new Date("2026-11-16T17:00:00Z") });
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe("IN_PROGRESS");
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).csmId).toBe(csm!.id);

    // The company's stored template (the demo's) uses {{contact.firstName}}; it renders with no unknown field.
    await prisma.emailTemplate.create({ data: { key: CLIENT_INTRODUCTION_KEY, ...CLIENT_INTRODUCTION_TEMPLATE } });
    await saveChecklist(ae, {
      handoffId,
      version: 1,
      checklist: { stakeholders: { contacts: [{ name: "Ana Ruiz", title: "VP Ops", role: "CHAMPION", email: "ana@customer.test", priority: "HIGH", notes: "" }] } },
    });
    const draft = await introductionDraft(prisma, handoffId);
    expect(draft.defaultTo).toBe("ana@customer.test");
    await sendClientIntroduction(ae, { handoffId, to: draft.defaultTo, subject: draft.template.subject, body: draft.template.body });
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { handoffId, kind: "CLIENT_INTRODUCTION" } });
    expect(email.body.startsWith("Hi Ana,\n")).toBe(true);
    expect(email.body).toContain(`I'd like to introduce ${csm!.name} (${csm!.email})`);
    expect(email.body).not.toMatch(/\{\{/);
  });

  it("is re-scored when the AE changes the products, and shows the manager what changed", async () => {
    const { ae, product, handoffId } = await closedDeal({ csm: false });
    const analytics = await createProduct({ name: "Analytics Pro" });
    const generalist = await createCsm({ name: "Gale Generalist", npsScore: 10 });
    const specialist = await createCsm({ name: "Sam Specialist", productIds: [analytics.id] });
    // Made before these CSMs existed: nobody was eligible.
    expect((await prisma.csmAssignment.findFirstOrThrow({ where: { handoffId } })).suggestedCsmId).toBeNull();
    await saveChecklist(ae, { handoffId, version: 1, checklist: { contract: { productIds: [product.id], arr: "60000" } } });
    // Same products as the deal: nothing material changed, nothing re-scored.
    expect(parseSnapshot((await prisma.csmAssignment.findFirstOrThrow({ where: { handoffId } })).candidates)?.rescored).toBeNull();

    await saveChecklist(ae, { handoffId, version: 2, checklist: { contract: { productIds: [analytics.id], arr: "60000" } } });
    const assignment = await prisma.csmAssignment.findFirstOrThrow({ where: { handoffId } });
    const snapshot = parseSnapshot(assignment.candidates);
    expect(assignment.suggestedCsmId).toBe(specialist.id);
    expect(snapshot?.candidates.map((c) => c.userId)).toEqual([specialist.id, generalist.id]);
    expect(snapshot?.rescored?.changes).toEqual([{ field: "Products", from: product.name, to: "Analytics Pro" }]);
    expect(await prisma.auditEvent.count({ where: { action: "assignment.rescored", entityId: assignment.id } })).toBe(1);

    await saveChecklist(ae, { handoffId, version: 3, checklist: { contract: { productIds: [analytics.id], arr: "60000", segment: "ENTERPRISE", needsOnsite: true } } });
    const moved = parseSnapshot((await prisma.csmAssignment.findFirstOrThrow({ where: { handoffId } })).candidates);
    expect(moved?.rescored?.changes.map((c) => c.field)).toEqual(["Segment", "Needs on-site work"]);
    expect(moved?.candidates).toEqual([]);
    expect(moved?.noEligibleHint).toMatch(/Enterprise/);
  });
});

describe("policy steps beside the checklist", () => {
  it("never make the next checklist save or the submit stale, while a real second tab still conflicts", async () => {
    const { ae, handoffId, product } = await closedDeal();
    const manager = await createUser("CS_MANAGER");
    const first = await saveChecklist(ae, { handoffId, version: 1, checklist: { whyTheyBought: { winReason: "First" } } });
    expect(first).toEqual({ status: "saved", version: 2 });

    await logHandoffMeeting(ae, meeting(handoffId, manager.id));
    await uploadHandoffDocument(ae, { handoffId, kind: "SOW", fileName: "sow.pdf" }, PDF_BYTES);
    const assignment = await prisma.csmAssignment.findFirstOrThrow({ where: { handoffId } });
    await approveAssignment(manager, { assignmentId: assignment.id });
    await sendClientIntroduction(ae, { handoffId, to: "ana@customer.test", subject: "Hello", body: "Meet {{csm.name}}, your new CSM." });
    await completeAccountSetup(manager, { handoffId, environmentProvisioned: true, environmentUrl: "", kickoffDate: "2026-11-19", kickoffTime: "10:00", milestones: [{ name: "Kick-off", dueDate: "2026-11-19" }] });

    const next = await saveChecklist(ae, { handoffId, version: 2, checklist: completeChecklistFor([product.id]) });
    expect(next).toEqual({ status: "saved", version: 3 });
    // A second tab that still holds version 2 is refused and shown the newer checklist.
    const stale = await saveChecklist(ae, { handoffId, version: 2, checklist: { whyTheyBought: { winReason: "Other tab" } } });
    expect(stale).toMatchObject({ status: "stale", version: 3, checklist: { whyTheyBought: { winReason: "Consolidating three renewal tools" } } });
    await submitHandoff(ae, handoffId);
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe("SUBMITTED");
  });
});

describe("the submitted checklist drives the plan", () => {
  it("moves training and go-live to the AE's timeline and re-assesses the risk with it", async () => {
    const { ae, deal, handoffId, product } = await closedDeal();
    const checklist = completeChecklistFor([product.id]);
    checklist.implementationTimeline = { start: "2026-12-01", goLive: "2027-02-15", notes: "" };
    await saveChecklist(ae, { handoffId, version: 1, checklist });
    const before = await prisma.riskAssessment.findFirstOrThrow({ where: { dealId: deal.id } });
    expect((before.factors as { reason: string }[])[0]?.reason).toMatch(/no implementation timeline/);
    await submitHandoff(ae, handoffId, new Date("2026-11-17T15:00:00Z"));

    const touchpoints = await prisma.touchpoint.findMany({ where: { sourceDealId: deal.id, type: { in: ["TRAINING", "GO_LIVE"] } }, orderBy: { type: "asc" } });
    expect(touchpoints.map((t) => [t.type, t.dueDate.toISOString().slice(0, 10)])).toEqual([
      ["TRAINING", "2027-02-01"],
      ["GO_LIVE", "2027-02-15"],
    ]);
    const after = await prisma.riskAssessment.findFirstOrThrow({ where: { dealId: deal.id, trigger: "handoff_submitted" } });
    const implementation = (after.factors as { factor: string; level: string; reason: string }[]).find((f) => f.factor === "implementation_complexity");
    // 2026-12-01 → 2027-02-15 is 76 days: over 45 → at least Medium, and the reason says so.
    expect(implementation?.reason).toContain("a 76-day implementation");
    expect(implementation?.level).toBe("MEDIUM");
  });

  it("refuses a contract start before the close date, at the field", async () => {
    const { ae, handoffId, product } = await closedDeal();
    const checklist = completeChecklistFor([product.id]);
    checklist.contract = { ...checklist.contract, contractStart: "2026-11-01" };
    await saveChecklist(ae, { handoffId, version: 1, checklist });
    await expect(submitHandoff(ae, handoffId)).rejects.toThrow(/Contract details: The contract cannot start before the close date \(2026-11-16\)/);
  });
});

describe("Mark closed-won, confirmed", () => {
  it("shows the close date and what follows, and closes only with the date that was confirmed", async () => {
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    const now = new Date("2026-11-20T20:00:00Z"); // Friday 15:00 in New York
    const preview = await previewCloseWon(ae, deal.id, now);
    expect(preview).toMatchObject({ closeDate: "2026-11-20", renewalDate: "2027-11-20", timezone: "America/New_York" });
    // Friday 15:00 → Wednesday 15:00; Thursday the 26th is Thanksgiving, so it is not counted.
    expect(preview.handoffDueAt.toISOString()).toBe("2026-11-25T20:00:00.000Z");

    await expect(markDealClosedWon(ae, { dealId: deal.id, confirmedCloseDate: "2026-11-19", contractStart: "" }, now)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { confirmedCloseDate: ["The close date is now 2026-11-20"] },
    });
    await expect(markDealClosedWon(ae, { dealId: deal.id, confirmedCloseDate: "2026-11-20", contractStart: "2026-11-02" }, now)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { contractStart: ["The contract cannot start before the close date (2026-11-20)."] },
    });
    expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe("NEGOTIATION");

    const other = await createUser("AE");
    await expect(previewCloseWon(other, deal.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const result = await markDealClosedWon(ae, { dealId: deal.id, confirmedCloseDate: "2026-11-20", contractStart: "2026-12-01" }, now);
    expect(result.created).toBe(true);
    const closed = await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } });
    expect(closed.stage).toBe("CLOSED_WON");
    expect(closed.closeDate.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(closed.contractStart?.toISOString().slice(0, 10)).toBe("2026-12-01");
    const renewal = await prisma.renewalOpportunity.findUniqueOrThrow({ where: { originalDealId: deal.id } });
    expect(renewal.renewalDate.toISOString().slice(0, 10)).toBe("2027-12-01");
    await expect(previewCloseWon(ae, deal.id, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the account page", () => {
  it("shows the stakeholders and the Closed Won Assets, downloadable by those who may see the handoff", async () => {
    const { ae, account, handoffId, product } = await closedDeal();
    const { getAccount } = await import("@/lib/server/accounts/get-account");
    await saveChecklist(ae, { handoffId, version: 1, checklist: completeChecklistFor([product.id]) });
    await submitHandoff(ae, handoffId);
    await uploadHandoffDocument(ae, { handoffId, kind: "SIGNED_CONTRACT", fileName: "Signed contract.pdf" }, PDF_BYTES);
    const csm = await createCsm();
    await prisma.account.update({ where: { id: account.id }, data: { csmId: csm.id } });
    // An AE who is the account's AE but sold none of its deals sees the account, not its handoff documents.
    const accountAe = await createUser("AE");
    await prisma.account.update({ where: { id: account.id }, data: { aeId: accountAe.id } });

    const asCsm = await getAccount(csm, account.id);
    expect(asCsm.contacts.map((c) => [c.name, c.role, c.priority])).toEqual([["Ana Ruiz", "CHAMPION", "HIGH"]]);
    expect(asCsm.closedWonAssets.map((d) => [d.kind, d.originalName, d.canDownload])).toEqual([["SIGNED_CONTRACT", "Signed contract.pdf", true]]);
    expect((await getAccount(ae, account.id)).closedWonAssets[0]?.canDownload).toBe(true);
    expect((await getAccount(accountAe, account.id)).closedWonAssets[0]?.canDownload).toBe(false);
  });
});
