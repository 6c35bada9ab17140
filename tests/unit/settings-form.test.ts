import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { readSettingForm, settingFields } from "@/lib/settings/form-values";
import { settingGroupProblems } from "@/lib/settings/rules";

describe("rule settings as form fields", () => {
  it("lists every field with its label, money in dollars and lists as text", () => {
    const capacity = settingFields("capacity", DEFAULT_SETTINGS.capacity);
    expect(capacity.find((f) => f.path === "capacity.ENTERPRISE.maxArrCents")).toMatchObject({ kind: "cents", text: "5000000.00", label: "Enterprise: maximum ARR" });
    const handoff = settingFields("handoff", DEFAULT_SETTINGS.handoff);
    expect(handoff.find((f) => f.path === "handoff.renewalAlertDays")).toMatchObject({ kind: "numberList", text: "90, 60, 30" });
    expect(handoff.find((f) => f.path === "handoff.strategicNeedsMeeting")).toMatchObject({ kind: "boolean", checked: true });
    const scoring = settingFields("scoring", DEFAULT_SETTINGS.scoring);
    expect(scoring).toHaveLength(12);
    expect(scoring.find((f) => f.path === "scoring.npsFactor")).toMatchObject({ kind: "number", text: "0.2", label: "NPS weight (points per NPS point)" });
  });

  it("reads the submitted fields back into the group's shape, exactly", () => {
    const submitted = Object.fromEntries(settingFields("handoff", DEFAULT_SETTINGS.handoff).map((f) => [f.path, f.kind === "boolean" ? f.checked : f.text]));
    expect(readSettingForm("handoff", DEFAULT_SETTINGS.handoff, submitted)).toEqual({ ok: true, value: DEFAULT_SETTINGS.handoff });
    const changed = readSettingForm("handoff", DEFAULT_SETTINGS.handoff, {
      ...submitted,
      "handoff.neverSkipAboveCents": "75,000.10",
      "handoff.strategicNeedsMeeting": false,
      "handoff.renewalAlertDays": "120, 90 45",
    });
    expect(changed).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS.handoff, neverSkipAboveCents: 7_500_010, strategicNeedsMeeting: false, renewalAlertDays: [120, 90, 45] } });
  });

  it("names the fields it cannot read", () => {
    const result = readSettingForm("scoring", DEFAULT_SETTINGS.scoring, { "scoring.npsFactor": "lots", "scoring.base": "" });
    expect(result).toMatchObject({ ok: false, errors: { "scoring.npsFactor": ["must be a number"], "scoring.base": ["is required"] } });
  });

  it("checks rules across fields of a group", () => {
    const capacity = { ...DEFAULT_SETTINGS.capacity, SCALE: { ...DEFAULT_SETTINGS.capacity.SCALE, minAccounts: 300 } };
    expect(settingGroupProblems("capacity", capacity)).toEqual({ "capacity.SCALE.minAccounts": ["must not be more than the maximum accounts"] });
    expect(settingGroupProblems("scoring", DEFAULT_SETTINGS.scoring)).toEqual({});
  });
});
