import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { acknowledgeHandoff } from "@/lib/server/handoffs/acknowledge-handoff";
import { getHandoffView } from "@/lib/server/handoffs/get-handoff-view";
import { completeAccountSetup } from "@/lib/server/handoffs/policy/account-setup";
import { sendClientIntroduction } from "@/lib/server/handoffs/policy/client-introduction";
import { readDocument, uploadHandoffDocument } from "@/lib/server/handoffs/policy/documents";
import { logHandoffMeeting } from "@/lib/server/handoffs/policy/handoff-meeting";
import { saveChecklist } from "@/lib/server/handoffs/save-checklist";
import { skipHandoff } from "@/lib/server/handoffs/skip-handoff";
import { submitHandoff } from "@/lib/server/handoffs/submit-handoff";
import { completeChecklistFor, PDF_BYTES } from "./support/checklist";
import { createAccount, createDeal, createProduct, createUser, closeToHandoff } from "./support/fixtures";

async function openHandoff(options: { amountCents?: bigint; strategic?: boolean; at?: Date } = {}) {
  const ae = await createUser("AE");
  const account = await createAccount({ strategic: options.strategic });
  const deal = await createDeal(account.id, ae.id, { amountCents: options.amountCents });
  const product = await createProduct();
  await prisma.dealProduct.create({ data: { dealId: deal.id, productId: product.id } });
  const handoffId = await closeToHandoff(ae, deal.id, { at: options.at ?? new Date("2026-11-16T15:00:00Z") });
  return { ae, account, deal, product, handoffId };
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

describe("the handoff wizard's server side", () => {
  it("autosaves with optimistic versions and refuses a stale save, offering the newer version", async () => {
    const { ae, handoffId } = await openHandoff();
    const first = await saveChecklist(ae, { handoffId, version: 1, checklist: { whyTheyBought: { winReason: "Tab A" } } });
    expect(first).toEqual({ status: "saved", version: 2 });
    // A second tab still on version 1:
    const stale = await saveChecklist(ae, { handoffId, version: 1, checklist: { whyTheyBought: { winReason: "Tab B" } } });
    expect(stale).toMatchObject({ status: "stale", version: 2, checklist: { whyTheyBought: { winReason: "Tab A" } } });
    const stored = await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(stored.checklist).toEqual({ whyTheyBought: { winReason: "Tab A" } });
  });

  it("refuses an incomplete submit and names every missing item", async () => {
    const { ae, handoffId, product } = await openHandoff();
    const { contract } = completeChecklistFor([product.id]);
    await saveChecklist(ae, { handoffId, version: 1, checklist: { contract } });
    const error = await submitHandoff(ae, handoffId).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "VALIDATION" });
    const message = (error as Error).message;
    for (const item of ["Why they bought", "Success criteria", "Key stakeholders", "Technical requirements", "Implementation timeline", "Risk factors"]) {
      expect(message).toContain(item);
    }
    expect(message).not.toContain("Contract details");
    expect(message).not.toContain("Competitive context");
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe("IN_PROGRESS");
  });

  it("refuses a strategic account's submit until the handoff meeting is logged", async () => {
    const { ae, handoffId, product } = await openHandoff({ strategic: true });
    const manager = await createUser("CS_MANAGER");
    await saveChecklist(ae, { handoffId, version: 1, checklist: completeChecklistFor([product.id]) });
    await expect(submitHandoff(ae, handoffId)).rejects.toThrow(/strategic accounts need the handoff meeting/);
    await logHandoffMeeting(ae, meeting(handoffId, manager.id));
    await submitHandoff(ae, handoffId);
    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe("SUBMITTED");
  });

  it("never skips a deal over $50,000, and audits a skip with its reason below it", async () => {
    const big = await openHandoff({ amountCents: 5_000_001n });
    await expect(skipHandoff(big.ae, { handoffId: big.handoffId, reason: "Customer declined the call" })).rejects.toThrow(
      /never be skipped for deals over \$50,000 \(this deal: \$50,000\)/,
    );
    const small = await openHandoff({ amountCents: 5_000_000n });
    await skipHandoff(small.ae, { handoffId: small.handoffId, reason: "Self-serve customer, no onboarding" });
    expect(await prisma.handoff.findUniqueOrThrow({ where: { id: small.handoffId } })).toMatchObject({ status: "SKIPPED", skipReason: "Self-serve customer, no onboarding" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "handoff.skipped", entityId: small.handoffId } });
    expect(audit.data).toEqual({ reason: "Self-serve customer, no onboarding" });
  });

  it("runs the whole 72-hour protocol: submit, four policy steps, clock stops within SLA, CSM acknowledges", async () => {
    const { ae, account, handoffId, product, deal } = await openHandoff();
    const [manager, csm] = await Promise.all([createUser("CS_MANAGER"), createUser("CSM")]);
    await saveChecklist(ae, { handoffId, version: 1, checklist: completeChecklistFor([product.id]) });
    await submitHandoff(ae, handoffId, new Date("2026-11-16T16:00:00Z"));

    expect(await prisma.csmAssignment.count({ where: { handoffId, status: "PENDING" } })).toBe(1);
    expect(await prisma.contact.findFirst({ where: { accountId: account.id, email: "ana@customer.test" } })).toMatchObject({ role: "CHAMPION" });
    expect(await prisma.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ winReason: "Consolidating three renewal tools" });

    await logHandoffMeeting(manager, meeting(handoffId, manager.id), new Date("2026-11-17T15:00:00Z"));
    const logged = await prisma.meeting.findFirstOrThrow({ where: { handoffId, kind: "HANDOFF_MEETING" } });
    expect(logged).toMatchObject({ dealId: deal.id, accountId: account.id });
    expect(logged.attendeeEmails).toEqual([ae.email, manager.email]);

    const intro = { handoffId, to: "ana@customer.test", subject: "Meet {{csm.name}}", body: "Hi {{contact.name}}, {{csm.name}} will be your CSM at {{account.name}}." };
    await expect(sendClientIntroduction(ae, intro)).rejects.toThrow(/Assign a CSM before sending/);
    await prisma.account.update({ where: { id: account.id }, data: { csmId: csm.id } });
    await expect(sendClientIntroduction(ae, { ...intro, body: "Hello {{csm.nmae}}, this is long enough" })).rejects.toThrow(/Unknown merge field: \{\{csm.nmae\}\}/);
    await sendClientIntroduction(ae, intro, new Date("2026-11-17T16:00:00Z"));
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { accountId: account.id, kind: "CLIENT_INTRODUCTION" } });
    expect(email).toMatchObject({ subject: `Meet ${csm.name}`, toEmails: ["ana@customer.test"], ccEmails: [csm.email] });
    expect(email.body).toBe(`Hi Ana, ${csm.name} will be your CSM at ${account.name}.`);
    const captured = readdirSync(process.env.MAIL_CAPTURE_DIR!).map((file) => readFileSync(path.join(process.env.MAIL_CAPTURE_DIR!, file), "utf8"));
    expect(captured.some((raw) => raw.includes(`Subject: Meet ${csm.name}`) && raw.includes("To: ana@customer.test"))).toBe(true);

    for (const kind of ["SIGNED_CONTRACT", "SOW", "VALUE_PROJECTION"] as const) {
      await uploadHandoffDocument(ae, { handoffId, kind, fileName: `${kind.toLowerCase()}.pdf` }, PDF_BYTES, new Date("2026-11-17T17:00:00Z"));
    }
    const documents = await prisma.document.findMany({ where: { accountId: account.id } });
    expect(documents).toHaveLength(3);
    expect(documents.every((document) => document.tags.includes("Closed Won Assets") && document.mimeType === "application/pdf")).toBe(true);

    expect((await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).status).toBe("SUBMITTED");
    await expect(
      completeAccountSetup(ae, { handoffId, environmentProvisioned: true, environmentUrl: "", kickoffDate: "2026-11-19", kickoffTime: "10:00", milestones: [{ name: "Kick-off", dueDate: "2026-11-19" }] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await completeAccountSetup(
      manager,
      { handoffId, environmentProvisioned: true, environmentUrl: "https://acme.example.com", kickoffDate: "2026-11-19", kickoffTime: "10:00", milestones: [{ name: "Kick-off", dueDate: "2026-11-19" }, { name: "Go-live", dueDate: "2027-02-01" }] },
      new Date("2026-11-18T15:00:00Z"),
    );

    const done = await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(done).toMatchObject({ status: "COMPLETED", completedWithinSla: true });
    expect(done.completedAt?.toISOString()).toBe("2026-11-18T15:00:00.000Z");
    expect(await prisma.projectMilestone.count({ where: { handoffId } })).toBe(2);

    await expect(acknowledgeHandoff(ae, { handoffId, rating: 5, comment: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acknowledgeHandoff(csm, { handoffId, rating: 6, comment: "" })).rejects.toThrow();
    await acknowledgeHandoff(csm, { handoffId, rating: 4, comment: "Solid context" });
    expect(await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).toMatchObject({ status: "ACKNOWLEDGED", rating: 4, ratingComment: "Solid context" });
    const ack = await prisma.auditEvent.findFirstOrThrow({ where: { action: "handoff.acknowledged", entityId: handoffId } });
    expect(ack).toMatchObject({ actorId: csm.id, data: { rating: 4, comment: "Solid context" } });
  });

  it("records a completion after the due time as outside the SLA", async () => {
    const { ae, account, handoffId, product } = await openHandoff({ at: new Date("2026-11-13T20:00:00Z") });
    const [manager, csm] = await Promise.all([createUser("CS_MANAGER"), createUser("CSM")]);
    await prisma.account.update({ where: { id: account.id }, data: { csmId: csm.id } });
    await saveChecklist(ae, { handoffId, version: 1, checklist: completeChecklistFor([product.id]) });
    await submitHandoff(ae, handoffId);
    await logHandoffMeeting(ae, meeting(handoffId, manager.id));
    await sendClientIntroduction(ae, { handoffId, to: "ana@customer.test", subject: "Hello", body: "Meet {{csm.name}}, your new CSM." });
    for (const kind of ["SIGNED_CONTRACT", "SOW", "VALUE_PROJECTION"] as const) {
      await uploadHandoffDocument(ae, { handoffId, kind, fileName: "file.pdf" }, PDF_BYTES);
    }
    // Due Wednesday 2026-11-18 20:00Z; finished Thursday.
    await completeAccountSetup(manager, { handoffId, environmentProvisioned: true, environmentUrl: "", kickoffDate: "2026-11-20", kickoffTime: "09:00", milestones: [{ name: "Kick-off", dueDate: "2026-11-20" }] }, new Date("2026-11-19T15:00:00Z"));
    expect(await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).toMatchObject({ status: "COMPLETED", completedWithinSla: false });
  });

  it("checks uploads by content and size, and serves them only to people who may see the handoff", async () => {
    const { ae, handoffId } = await openHandoff();
    const otherAe = await createUser("AE");
    const csm = await createUser("CSM");
    await expect(uploadHandoffDocument(ae, { handoffId, kind: "SOW", fileName: "sow.pdf" }, Buffer.from("just text pretending to be a PDF"))).rejects.toThrow(/Only PDF, Word/);
    await expect(uploadHandoffDocument(ae, { handoffId, kind: "SOW", fileName: "sow.pdf" }, Buffer.alloc(20 * 1024 * 1024 + 1, 1))).rejects.toThrow(/larger than 20 MB/);
    await expect(uploadHandoffDocument(otherAe, { handoffId, kind: "SOW", fileName: "sow.pdf" }, PDF_BYTES)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { documentId } = await uploadHandoffDocument(ae, { handoffId, kind: "SOW", fileName: "Q4 SOW (final).pdf" }, PDF_BYTES);
    const download = await readDocument(ae, documentId);
    expect(download.originalName).toBe("Q4 SOW (final).pdf");
    expect(download.content.equals(PDF_BYTES)).toBe(true);
    const stored = await prisma.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(path.resolve(process.env.UPLOAD_DIR!, stored.storageKey).startsWith(path.resolve("public"))).toBe(false);
    await expect(readDocument(otherAe, documentId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readDocument(csm, documentId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets an AE see only their own deals' handoffs, a CSM their accounts', managers all", async () => {
    const { ae, account, handoffId } = await openHandoff();
    const [otherAe, csm, otherCsm, manager] = await Promise.all([createUser("AE"), createUser("CSM"), createUser("CSM"), createUser("CS_MANAGER")]);
    await prisma.account.update({ where: { id: account.id }, data: { csmId: csm.id } });
    await expect(getHandoffView(otherAe, handoffId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveChecklist(otherAe, { handoffId, version: 1, checklist: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitHandoff(otherAe, handoffId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getHandoffView(otherCsm, handoffId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getHandoffView(csm, handoffId)).resolves.toMatchObject({ permissions: { editChecklist: false } });
    await expect(saveChecklist(csm, { handoffId, version: 1, checklist: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getHandoffView(manager, handoffId)).resolves.toMatchObject({ permissions: { editChecklist: false, accountSetup: true } });
    await expect(getHandoffView(ae, handoffId)).resolves.toMatchObject({ permissions: { editChecklist: true, skip: false } });
  });
});
