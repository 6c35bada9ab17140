import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { getSettings } from "@/lib/server/settings/get-settings";
import { updateSettingGroup } from "@/lib/server/settings/update-settings";
import { listPreviewTargets, previewSuggestion } from "@/lib/server/settings/preview-suggestion";
import { createCsmSuggestion } from "@/lib/server/assignments/create-suggestion";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { changeUserRole, inviteUser, resetUserPassword } from "@/lib/server/users/user-admin";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { csmProfileListParams, getCsmProfileEditor, listCsmProfiles, saveCsmProfile } from "@/lib/server/csm-profiles/csm-profiles";
import { listProducts, productListParams, saveProduct } from "@/lib/server/products/products";
import { auditListParams, listAuditEvents } from "@/lib/server/audit-log/list-audit-events";
import { createAccount, createCsm, createDeal, createProduct, createUser, closeToHandoff } from "./support/fixtures";

// getActingUser reads the session cookie's claims; here they are a stand-in naming a user and session, so the
// test shows what the function does with the user's row on each request.
const session = vi.hoisted(() => ({ userId: null as string | null, sessionId: null as string | null }));
vi.mock("@/lib/auth/session-cookie", () => ({ sessionClaims: async () => (session.userId && session.sessionId ? { userId: session.userId, sessionId: session.sessionId } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
const { getActingUser } = await import("@/lib/server/session");
const { startSession } = await import("@/lib/server/auth/sessions");

describe("rule settings administration", () => {
  it("saves a group, audits it with before and after, and applies it at once to suggestions", async () => {
    const admin = await createUser("ADMIN");
    await createCsm({ name: "Ana Low", npsScore: 10, retentionRate: 80 });
    await createCsm({ name: "Bo High", npsScore: 90, retentionRate: 70 });
    const ae = await createUser("AE");
    const account = await createAccount();
    const deal = await createDeal(account.id, ae.id);
    const handoffId = await closeToHandoff(ae, deal.id);
    const { assignmentId } = await prisma.$transaction((tx) => createCsmSuggestion(tx, { handoffId }));

    expect(await listPreviewTargets(admin)).toEqual([{ assignmentId, accountName: account.name }]);
    const before = await previewSuggestion(admin, assignmentId);
    // 100 + NPS × 0.2 + retention × 0.3: Ana 100 + 2 + 24 = 126, Bo 100 + 18 + 21 = 139.
    expect(before.candidates.map((c) => [c.name, c.score])).toEqual([["Bo High", 139], ["Ana Low", 126]]);

    const scoring = { ...DEFAULT_SETTINGS.scoring, npsFactor: 0, retentionFactor: 1 };
    expect(await updateSettingGroup(admin, { key: "scoring", value: scoring })).toEqual({ changed: true });
    expect((await getSettings()).scoring.retentionFactor).toBe(1);
    const after = await previewSuggestion(admin, assignmentId);
    expect(after.candidates.map((c) => [c.name, c.score])).toEqual([["Ana Low", 180], ["Bo High", 170]]);
    // The stored suggestion keeps the ranking it was made with.
    expect((await prisma.csmAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).suggestedScore?.toString()).toBe("139");

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "settings.updated", entityId: "scoring" } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.data).toEqual({ before: DEFAULT_SETTINGS.scoring, after: scoring });
    expect(await updateSettingGroup(admin, { key: "scoring", value: scoring })).toEqual({ changed: false });
    expect(await prisma.auditEvent.count({ where: { action: "settings.updated" } })).toBe(1);
  });

  it("refuses invalid values naming the field, and non-admins", async () => {
    const admin = await createUser("ADMIN");
    await expect(updateSettingGroup(admin, { key: "scoring", value: { ...DEFAULT_SETTINGS.scoring, npsFactor: -1 } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "scoring.npsFactor": [expect.stringContaining(">=0")] },
    });
    const capacity = { ...DEFAULT_SETTINGS.capacity, SCALE: { ...DEFAULT_SETTINGS.capacity.SCALE, minAccounts: 500 } };
    await expect(updateSettingGroup(admin, { key: "capacity", value: capacity })).rejects.toMatchObject({
      fieldErrors: { "capacity.SCALE.minAccounts": ["must not be more than the maximum accounts"] },
    });
    await expect(updateSettingGroup(admin, { key: "integrations", value: { slackWebhookUrl: "ftp://x" } })).rejects.toMatchObject({
      fieldErrors: { "integrations.slackWebhookUrl": [expect.stringContaining("Slack")] },
    });
    await expect(updateSettingGroup(admin, { key: "calendar", value: { ...DEFAULT_SETTINGS.calendar, timezone: "Mars/Base" } })).rejects.toMatchObject({
      fieldErrors: { "calendar.timezone": ["must be an IANA time zone such as America/New_York"] },
    });
    const leader = await createUser("LEADERSHIP");
    await expect(updateSettingGroup(leader, { key: "targets", value: DEFAULT_SETTINGS.targets })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.setting.count()).toBe(0);
  });
});

describe("audit log", () => {
  it("cannot be updated or deleted, even by the app's own database user", async () => {
    const admin = await createUser("ADMIN");
    await updateSettingGroup(admin, { key: "targets", value: { ...DEFAULT_SETTINGS.targets, netRetentionPct: 115 } });
    const event = await prisma.auditEvent.findFirstOrThrow();
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`UPDATE "AuditEvent" SET "data" = '{}'`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  it("is listed newest first, filtered by record, actor and dates, and paged", async () => {
    const admin = await createUser("ADMIN", { email: "boss@example.test" });
    const other = await createUser("ADMIN");
    await updateSettingGroup(admin, { key: "targets", value: { ...DEFAULT_SETTINGS.targets, netRetentionPct: 115 } });
    await updateSettingGroup(other, { key: "targets", value: { ...DEFAULT_SETTINGS.targets, netRetentionPct: 120 } });
    await updateSettingGroup(admin, { key: "timing", value: { ...DEFAULT_SETTINGS.timing, kickoffDaysAfterClose: 4 } });
    await prisma.auditEvent.create({ data: { action: "import.finished", entityType: "ImportRun", entityId: "run-1", at: new Date("2025-01-02T10:00:00Z") } });

    const all = await listAuditEvents(admin, auditListParams.parse({}));
    expect(all.count).toBe(4);
    expect(all.data.map((row) => row.action)).toEqual(["settings.updated", "settings.updated", "settings.updated", "import.finished"]);
    const targets = await listAuditEvents(admin, auditListParams.parse({ entityType: "Setting", entityId: "targets" }));
    expect(targets.data.map((row) => row.actorEmail)).toEqual([other.email, "boss@example.test"]);
    const mine = await listAuditEvents(admin, auditListParams.parse({ actor: "BOSS@example.test" }));
    expect(mine.data.map((row) => row.entityId)).toEqual(["timing", "targets"]);
    const system = await listAuditEvents(admin, auditListParams.parse({ actor: "system", from: "2025-01-01", to: "2025-01-02" }));
    expect(system.data).toEqual([expect.objectContaining({ action: "import.finished", actorName: null, entityId: "run-1" })]);
    expect((await listAuditEvents(admin, auditListParams.parse({ to: "2025-01-01" }))).count).toBe(0);
    const page2 = await listAuditEvents(admin, auditListParams.parse({ perPage: "5", page: "1", dir: "asc" }));
    expect(page2.data[0]?.action).toBe("import.finished");
    await expect(listAuditEvents(await createUser("CS_MANAGER"), auditListParams.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("users administration", () => {
  it("invites a user with a temporary password shown once, who can then sign in", async () => {
    const admin = await createUser("ADMIN");
    const manager = await createUser("CS_MANAGER");
    const { userId, password } = await inviteUser(admin, { name: "Nia Ode", email: "Nia@Example.test", role: "CSM", managerId: manager.id });
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ email: "nia@example.test", role: "CSM", managerId: manager.id, active: true });
    expect(await verifyCredentials("nia@example.test", password, { address: "10.0.0.1" })).toMatchObject({ status: "ok" });
    await expect(inviteUser(admin, { name: "Again", email: "nia@example.test", role: "AE" })).rejects.toMatchObject({ code: "ALREADY_EXISTS", fieldErrors: { email: ["is already taken"] } });
    const reset = await resetUserPassword(admin, { userId });
    expect(await verifyCredentials("nia@example.test", password, { address: "10.0.0.1" })).toMatchObject({ status: "invalid" });
    expect(await verifyCredentials("nia@example.test", reset.password, { address: "10.0.0.1" })).toMatchObject({ status: "ok" });
    expect(await prisma.auditEvent.findMany({ where: { entityId: userId }, select: { action: true }, orderBy: { id: "asc" } })).toEqual([
      { action: "user.invited" },
      { action: "user.password_reset" },
    ]);
  });

  it("applies a role change and a deactivation to the very next request of a signed-in user", async () => {
    const admin = await createUser("ADMIN");
    const person = await createUser("AE");
    session.userId = person.id;
    session.sessionId = await startSession(person.id, "10.0.0.1");
    expect(await getActingUser()).toMatchObject({ id: person.id, role: "AE" });
    await changeUserRole(admin, { userId: person.id, role: "CS_MANAGER" });
    expect(await getActingUser()).toMatchObject({ id: person.id, role: "CS_MANAGER" });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.role_changed" } })).toMatchObject({ data: { before: "AE", after: "CS_MANAGER" } });
    await setUserActive(admin, { userId: person.id, active: false });
    expect(await getActingUser()).toBeNull();
    session.userId = null;
    await expect(changeUserRole(admin, { userId: admin.id, role: "AE" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeUserRole(person, { userId: admin.id, role: "AE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("CSM profiles and products", () => {
  it("creates and edits a CSM profile with expertise and certifications, audited", async () => {
    const admin = await createUser("ADMIN");
    const csm = await createUser("CSM");
    const hub = await createProduct({ name: "Renewal Hub" });
    const bridge = await createProduct({ name: "Data Bridge", technical: true });
    const editor = await getCsmProfileEditor(admin, csm.id);
    expect(editor).toMatchObject({ exists: false, profile: { tier: "MID_MARKET", maxAccounts: 50, maxArrCents: 200_000_000n } });
    const form = {
      userId: csm.id,
      tier: "ENTERPRISE" as const,
      maxAccounts: "12",
      maxArr: "4500000.50",
      segments: ["ENTERPRISE" as const],
      industries: "Software, Healthcare",
      languages: "English;German",
      productIds: [hub.id],
      certificationIds: [bridge.id],
      region: "EMEA",
      timezone: "Europe/Berlin",
      npsScore: "55.5",
      retentionRate: "97",
    };
    await saveCsmProfile(admin, form);
    const saved = await getCsmProfileEditor(admin, csm.id);
    expect(saved).toMatchObject({
      exists: true,
      profile: { tier: "ENTERPRISE", maxAccounts: 12, maxArrCents: 450_000_050n, industries: ["Software", "Healthcare"], languages: ["English", "German"], productIds: [hub.id], certificationIds: [bridge.id], npsScore: "55.5" },
    });
    expect((await listCsmProfiles(admin, csmProfileListParams.parse({}))).data).toEqual([
      { userId: csm.id, name: csm.name, email: csm.email, active: true, tier: "ENTERPRISE", maxAccounts: 12, maxArrCents: 450_000_050n, region: "EMEA", certifications: 1 },
    ]);
    await saveCsmProfile(admin, { ...form, certificationIds: [], maxAccounts: "14" });
    expect(await prisma.csmCertification.count()).toBe(0);
    const audits = await prisma.auditEvent.findMany({ where: { entityType: "CsmProfile" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["csm_profile.created", "csm_profile.updated"]);
    expect(audits[1]?.data).toMatchObject({ before: { maxAccounts: 12, certificationIds: [bridge.id] }, after: { maxAccounts: 14, certificationIds: [] } });
    await expect(saveCsmProfile(admin, { ...form, timezone: "Nowhere" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(saveCsmProfile(admin, { ...form, userId: admin.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("creates, renames and retires products, refusing duplicate names", async () => {
    const admin = await createUser("ADMIN");
    const { id } = await saveProduct(admin, { name: "Renewal Hub", technical: false });
    await saveProduct(admin, { id, name: "Renewal Hub Pro", technical: true, active: false });
    await expect(saveProduct(admin, { name: "Renewal Hub Pro" })).rejects.toMatchObject({ code: "ALREADY_EXISTS", fieldErrors: { name: [expect.any(String)] } });
    const list = await listProducts(admin, productListParams.parse({}));
    expect(list.data).toEqual([{ id, name: "Renewal Hub Pro", technical: true, active: false, deals: 0, certifiedCsms: 0 }]);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { action: "product.updated" } })).data).toEqual({
      before: { name: "Renewal Hub", technical: false, active: true },
      after: { name: "Renewal Hub Pro", technical: true, active: false },
    });
  });
});
