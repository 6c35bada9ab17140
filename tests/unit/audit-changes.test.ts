import { describe, expect, it } from "vitest";
import { describeChanges, fieldLabel, referencedIds } from "@/lib/audit/changes";

describe("an audit event read as changes", () => {
  it("lists only the fields an update changed, before → after, nested ones by path", () => {
    const data = {
      before: { npsFactor: 0.2, capacity: { ENTERPRISE: { maxAccounts: 15, maxArrCents: 500 } }, name: "Same" },
      after: { npsFactor: 2, capacity: { ENTERPRISE: { maxAccounts: 12, maxArrCents: 500 } }, name: "Same" },
    };
    expect(describeChanges(data)).toEqual([
      { field: "Nps factor", before: "0.2", after: "2" },
      { field: "Capacity › Enterprise › Max accounts", before: "15", after: "12" },
    ]);
  });

  it("reads { field: { from, to } }, a top-level from/to and plain facts", () => {
    expect(describeChanges({ healthScore: { from: 70, to: 40 }, usagePct: { from: 5, to: 5 }, risk: { from: "LOW", to: "HIGH" } })).toEqual([
      { field: "Health score", before: "70", after: "40" },
      { field: "Risk", before: "LOW", after: "HIGH" },
    ]);
    expect(describeChanges({ from: "PLANNING", to: "CLOSED_WON", closedAmountCents: "100" })).toEqual([
      { field: "Value", before: "PLANNING", after: "CLOSED_WON" },
      { field: "Closed amount cents", after: "100" },
    ]);
    expect(describeChanges({ before: "AE", after: "CSM" })).toEqual([{ field: "Value", before: "AE", after: "CSM" }]);
    expect(describeChanges({ reason: null, tags: ["a", "b"] })).toEqual([
      { field: "Reason", after: "—" },
      { field: "Tags", after: "a, b" },
    ]);
    expect(describeChanges({})).toEqual([]);
  });

  it("shows a created record's values and names the records it refers to", () => {
    const names = new Map([["u1", "Sam Rivera"], ["p1", "Insights Analytics"]]);
    expect(describeChanges({ userId: "u1", before: null, after: { tier: "SCALE", productIds: ["p1"] } }, names)).toEqual([
      { field: "Tier", after: "SCALE" },
      { field: "Product ids", after: "Insights Analytics" },
      { field: "User", after: "Sam Rivera" },
    ]);
  });

  it("finds the ids worth naming at any depth", () => {
    expect(referencedIds({ accountId: "a1", chosen: { csmId: "u2", name: "x" }, decidedBy: { id: "u3" }, after: { productIds: ["p1", "p2"] }, note: "a1b" })).toEqual([
      "a1",
      "u2",
      "u3",
      "p1",
      "p2",
    ]);
  });

  it("labels fields for people", () => {
    expect(fieldLabel("healthScore")).toBe("Health score");
    expect(fieldLabel("csmId")).toBe("CSM");
    expect(fieldLabel("MID_MARKET")).toBe("Mid market");
  });
});
