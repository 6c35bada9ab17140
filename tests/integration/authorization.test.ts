import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listUsers, userListParams } from "@/lib/server/users/list-users";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { getAeHome } from "@/lib/server/home/ae-home";
import { getCsmHome } from "@/lib/server/home/csm-home";
import { getLeadershipHome } from "@/lib/server/home/leadership-home";
import { getManagerHome } from "@/lib/server/home/manager-home";
import { readSettingsForAdmin } from "@/lib/server/settings/read-settings";
import { createUser } from "./support/fixtures";

const defaultParams = userListParams.parse({});

describe("role checks in the data functions themselves", () => {
  it("refuses a CSM listing users or deactivating one, and changes nothing", async () => {
    const csm = await createUser("CSM");
    const target = await createUser("AE");
    await expect(listUsers(csm, defaultParams)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserActive(csm, { userId: target.id, active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(readSettingsForAdmin(csm)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it("lets an admin deactivate a user, records it in the audit log, and refuses self-deactivation", async () => {
    const admin = await createUser("ADMIN");
    const target = await createUser("AE");
    await setUserActive(admin, { userId: target.id, active: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(false);
    const audit = await prisma.auditEvent.findMany({ select: { action: true, entityId: true, actorId: true } });
    expect(audit).toEqual([{ action: "user.deactivated", entityId: target.id, actorId: admin.id }]);
    await expect(setUserActive(admin, { userId: admin.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("gives each home only to its role", async () => {
    const [ae, csm, manager, leader] = await Promise.all([
      createUser("AE"),
      createUser("CSM"),
      createUser("CS_MANAGER"),
      createUser("LEADERSHIP"),
    ]);
    await expect(getAeHome(csm)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCsmHome(ae)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getManagerHome(csm)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getLeadershipHome(ae)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getLeadershipHome(manager)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getLeadershipHome(leader)).resolves.toMatchObject({ activeCustomers: 0 });
  });

  it("filters, sorts and pages users in SQL", async () => {
    const admin = await createUser("ADMIN");
    await Promise.all([createUser("CSM"), createUser("CSM"), createUser("AE")]);
    const csms = await listUsers(admin, userListParams.parse({ role: "CSM", perPage: "5" }));
    expect(csms.count).toBe(2);
    expect(csms.data).toHaveLength(2);
    expect(csms.data.every((row) => row.role === "CSM")).toBe(true);
    const paged = await listUsers(admin, userListParams.parse({ perPage: "5", sort: "email", dir: "desc", page: "1" }));
    const emails = paged.data.map((row) => row.email);
    expect(emails).toEqual([...emails].sort().reverse());
    expect(paged).toMatchObject({ count: 4, totalPages: 1, currentPage: 1 });
    expect(emails).toHaveLength(4);
    // Two more users make a second page of five: it holds the sixth e-mail, continuing the same order.
    await Promise.all([createUser("LEADERSHIP"), createUser("CS_MANAGER")]);
    const all = (await listUsers(admin, userListParams.parse({ perPage: "25", sort: "email", dir: "desc" }))).data.map((row) => row.email);
    expect(all).toHaveLength(6);
    const first = await listUsers(admin, userListParams.parse({ perPage: "5", sort: "email", dir: "desc", page: "1" }));
    const second = await listUsers(admin, userListParams.parse({ perPage: "5", sort: "email", dir: "desc", page: "2" }));
    expect(second).toMatchObject({ count: 6, totalPages: 2, currentPage: 2 });
    expect(second.data).toHaveLength(1);
    expect([...first.data, ...second.data].map((row) => row.email)).toEqual(all);
  });
});
