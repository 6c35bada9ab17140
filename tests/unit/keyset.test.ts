import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/keyset";
import { filterPeopleReach } from "@/lib/server/people/permissions";

describe("a list cursor", () => {
  it("reads back the sort keys it was made of, NULLs included", () => {
    const keys = ["HIGH", "2027-01-15", "ck9x"];
    expect(decodeCursor(encodeCursor(keys))).toEqual(keys);
    expect(decodeCursor(encodeCursor([null, "2027-01-15", "ck9x"]))).toEqual([null, "2027-01-15", "ck9x"]);
    expect(encodeCursor(keys)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("reads a bad or hand-made cursor as none", () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor("not a cursor")).toBeNull();
    expect(decodeCursor(Buffer.from("{\"a\":1}").toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from("[1,2]").toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from("[]").toString("base64url"))).toBeNull();
  });
});

describe("whose names a person may look up to filter a list by", () => {
  it("gives CS managers, leadership and admins every CSM and AE", () => {
    for (const role of ["CS_MANAGER", "LEADERSHIP", "ADMIN"] as const) {
      expect(filterPeopleReach({ role }, "CSM")).toBe("every");
      expect(filterPeopleReach({ role }, "AE")).toBe("every");
    }
  });

  it("gives a CSM the AEs of their book and an AE the CSMs of their accounts, and neither their own role", () => {
    expect(filterPeopleReach({ role: "CSM" }, "AE")).toBe("ownAccounts");
    expect(filterPeopleReach({ role: "CSM" }, "CSM")).toBeNull();
    expect(filterPeopleReach({ role: "AE" }, "CSM")).toBe("ownAccounts");
    expect(filterPeopleReach({ role: "AE" }, "AE")).toBeNull();
  });
});
