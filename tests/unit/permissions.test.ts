import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { canIdentifyExpansion, canManageAccount, seesEveryAccount, seesOwnBookOnly } from "@/lib/server/accounts/permissions";
import { assertCanApproveAssignment, canApproveAssignment } from "@/lib/server/assignments/permissions";
import { csmCutLocked, seesExpansionCredit } from "@/lib/server/dashboard/permissions";
import { canCloseDeal, seesOwnDealsOnly } from "@/lib/server/deals/permissions";
import {
  acknowledgesHandoffs,
  canAcknowledge,
  canEditHandoff,
  canLogHandoffMeeting,
  canMoveHandoffCall,
  canRecordFlowStep,
  canSetUpAccount,
  editsHandoffs,
  leadsExpansionByDefault,
  recordsOnlyRenewalPlan,
} from "@/lib/server/handoffs/permissions";
import { canEditTerms, canOverrideForecast, canReadForecast, canSetForecast, readsOwnForecastOnly } from "@/lib/server/forecast/permissions";
import { canFindPeople, findsEveryUser } from "@/lib/server/search/permissions";
import { canAdminister } from "@/lib/server/users/permissions";

// Each decision, for each role, both on and off the record (the record's person is "me" or "someone else").
// The tables are the rule: a changed predicate fails here with the role it changed for.

const ROLES: Role[] = ["AE", "CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN"];
const me = (role: Role) => ({ id: "me", role });

/** The roles for which `decide` holds, in ROLES order. */
function rolesWhere(decide: (actor: { id: string; role: Role }) => boolean): Role[] {
  return ROLES.filter((role) => decide(me(role)));
}

describe("account permissions", () => {
  it("canManageAccount: the account's own CSM, CS managers and admins", () => {
    expect(rolesWhere((a) => canManageAccount(a, { csmId: "me" }))).toEqual(["CSM", "CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canManageAccount(a, { csmId: "someone" }))).toEqual(["CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canManageAccount(a, { csmId: null }))).toEqual(["CS_MANAGER", "ADMIN"]);
  });

  it("canIdentifyExpansion: those, and any AE", () => {
    expect(rolesWhere((a) => canIdentifyExpansion(a, { csmId: "me" }))).toEqual(["AE", "CSM", "CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canIdentifyExpansion(a, { csmId: "someone" }))).toEqual(["AE", "CS_MANAGER", "ADMIN"]);
  });

  it("seesOwnBookOnly: a CSM", () => {
    expect(rolesWhere(seesOwnBookOnly)).toEqual(["CSM"]);
  });

  it("seesEveryAccount: CS managers, leadership and admins", () => {
    expect(rolesWhere(seesEveryAccount)).toEqual(["CS_MANAGER", "LEADERSHIP", "ADMIN"]);
  });
});

describe("deal permissions", () => {
  it("canCloseDeal: the deal's owning AE or an admin", () => {
    expect(rolesWhere((a) => canCloseDeal(a, { ownerId: "me" }))).toEqual(["AE", "ADMIN"]);
    expect(rolesWhere((a) => canCloseDeal(a, { ownerId: "someone" }))).toEqual(["ADMIN"]);
    expect(rolesWhere((a) => canCloseDeal(a, { ownerId: null }))).toEqual(["ADMIN"]);
  });

  it("seesOwnDealsOnly: an AE", () => {
    expect(rolesWhere(seesOwnDealsOnly)).toEqual(["AE"]);
  });
});

describe("handoff permissions", () => {
  const mine = { ownerId: "me", csmId: "me" };
  const theirs = { ownerId: "someone", csmId: "someone" };

  it("canEditHandoff: only the deal's AE", () => {
    expect(rolesWhere((a) => canEditHandoff(a, mine))).toEqual(["AE"]);
    expect(rolesWhere((a) => canEditHandoff(a, theirs))).toEqual([]);
    expect(rolesWhere(editsHandoffs)).toEqual(["AE"]);
  });

  it("canLogHandoffMeeting: the deal's AE or a CS manager", () => {
    expect(rolesWhere((a) => canLogHandoffMeeting(a, mine))).toEqual(["AE", "CS_MANAGER"]);
    expect(rolesWhere((a) => canLogHandoffMeeting(a, theirs))).toEqual(["CS_MANAGER"]);
  });

  it("canMoveHandoffCall: the deal's AE, the account's CSM or a CS manager", () => {
    expect(rolesWhere((a) => canMoveHandoffCall(a, mine))).toEqual(["AE", "CSM", "CS_MANAGER"]);
    expect(rolesWhere((a) => canMoveHandoffCall(a, theirs))).toEqual(["CS_MANAGER"]);
  });

  it("canSetUpAccount: a CS manager", () => {
    expect(rolesWhere(canSetUpAccount)).toEqual(["CS_MANAGER"]);
  });

  it("canAcknowledge: only the account's assigned CSM", () => {
    expect(rolesWhere((a) => canAcknowledge(a, mine))).toEqual(["CSM"]);
    expect(rolesWhere((a) => canAcknowledge(a, theirs))).toEqual([]);
    expect(rolesWhere(acknowledgesHandoffs)).toEqual(["CSM"]);
  });

  it("canRecordFlowStep, renewal: the account's CSM, CS managers, admins; the plan also the original deal's AE", () => {
    const renewal = (who: string) => ({ type: "RENEWAL" as const, csmId: who, originalAeId: who });
    expect(rolesWhere((a) => canRecordFlowStep(a, renewal("me"), "RENEWAL_PLAN"))).toEqual(["AE", "CSM", "CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canRecordFlowStep(a, renewal("me"), "FORECAST_CALL"))).toEqual(["CSM", "CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canRecordFlowStep(a, renewal("me"), "ANY"))).toEqual(["AE", "CSM", "CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canRecordFlowStep(a, renewal("someone"), "RENEWAL_PLAN"))).toEqual(["CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canRecordFlowStep(a, renewal("someone"), "ANY"))).toEqual(["CS_MANAGER", "ADMIN"]);
  });

  it("canRecordFlowStep, expansion: the account's CSM, any AE, CS managers, admins", () => {
    const expansion = (who: string) => ({ type: "EXPANSION" as const, csmId: who, originalAeId: null });
    expect(rolesWhere((a) => canRecordFlowStep(a, expansion("me"), "ANY"))).toEqual(["AE", "CSM", "CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canRecordFlowStep(a, expansion("someone"), "EXPANSION_SCOPE"))).toEqual(["AE", "CS_MANAGER", "ADMIN"]);
  });

  it("an AE records only a renewal's plan, and leads an expansion they open", () => {
    expect(rolesWhere((a) => recordsOnlyRenewalPlan(a, "RENEWAL"))).toEqual(["AE"]);
    expect(rolesWhere((a) => recordsOnlyRenewalPlan(a, "EXPANSION"))).toEqual([]);
    expect(rolesWhere(leadsExpansionByDefault)).toEqual(["AE"]);
  });
});

describe("assignment, dashboard, search and administration permissions", () => {
  it("canApproveAssignment: CS managers and admins; the write refuses the others", () => {
    expect(rolesWhere(canApproveAssignment)).toEqual(["CS_MANAGER", "ADMIN"]);
    expect(() => assertCanApproveAssignment(me("AE"))).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => assertCanApproveAssignment(me("ADMIN"))).not.toThrow();
  });

  it("seesExpansionCredit: leadership and admins; csmCutLocked: a CSM", () => {
    expect(rolesWhere(seesExpansionCredit)).toEqual(["LEADERSHIP", "ADMIN"]);
    expect(rolesWhere(csmCutLocked)).toEqual(["CSM"]);
  });

  it("canFindPeople: admins, CS managers and leadership; only admins every user", () => {
    expect(rolesWhere(canFindPeople)).toEqual(["CS_MANAGER", "LEADERSHIP", "ADMIN"]);
    expect(rolesWhere(findsEveryUser)).toEqual(["ADMIN"]);
  });

  it("canAdminister: admins", () => {
    expect(rolesWhere(canAdminister)).toEqual(["ADMIN"]);
  });
});

describe("forecast permissions", () => {
  it("canReadForecast: everyone but AEs; readsOwnForecastOnly: a CSM", () => {
    expect(rolesWhere(canReadForecast)).toEqual(["CSM", "CS_MANAGER", "LEADERSHIP", "ADMIN"]);
    expect(rolesWhere(readsOwnForecastOnly)).toEqual(["CSM"]);
  });

  it("canSetForecast: the renewal's own CSM only", () => {
    expect(rolesWhere((a) => canSetForecast(a, { csmId: "me" }))).toEqual(["CSM"]);
    expect(rolesWhere((a) => canSetForecast(a, { csmId: "someone" }))).toEqual([]);
  });

  it("canOverrideForecast: CS managers", () => {
    expect(rolesWhere(canOverrideForecast)).toEqual(["CS_MANAGER"]);
  });

  it("canEditTerms: the own CSM, CS managers and admins", () => {
    expect(rolesWhere((a) => canEditTerms(a, { csmId: "me" }))).toEqual(["CSM", "CS_MANAGER", "ADMIN"]);
    expect(rolesWhere((a) => canEditTerms(a, { csmId: "someone" }))).toEqual(["CS_MANAGER", "ADMIN"]);
  });
});
