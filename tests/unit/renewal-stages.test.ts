import { describe, expect, it } from "vitest";
import { isQuarter, quarterOf, quarterRange } from "@/lib/renewals/quarter";
import { closingMovements, stageMoveError } from "@/lib/renewals/stages";
import { dollarsToCents, moveStageSchema } from "@/lib/renewals/forms";
import { renewalsCsv } from "@/lib/renewals/csv";

describe("renewal stage moves", () => {
  it("allows any move between open stages and closing from any open stage", () => {
    expect(stageMoveError("RENEWAL_PENDING", "PLANNING")).toBeNull();
    expect(stageMoveError("COMMITTED", "NEGOTIATION")).toBeNull();
    expect(stageMoveError("RENEWAL_PENDING", "CLOSED_LOST")).toBeNull();
    expect(stageMoveError("NEGOTIATION", "CLOSED_WON")).toBeNull();
  });

  it("refuses staying put and moving a closed renewal", () => {
    expect(stageMoveError("PLANNING", "PLANNING")).toBe("The renewal is already in this stage.");
    expect(stageMoveError("CLOSED_WON", "COMMITTED")).toBe("This renewal is closed; its outcome and ARR movements are final.");
    expect(stageMoveError("CLOSED_LOST", "CLOSED_WON")).toBe("This renewal is closed; its outcome and ARR movements are final.");
  });

  it("needs a positive closed amount to close won", () => {
    expect(moveStageSchema.safeParse({ renewalId: "r", stage: "CLOSED_WON", closedAmount: "" }).success).toBe(false);
    expect(moveStageSchema.safeParse({ renewalId: "r", stage: "CLOSED_WON", closedAmount: "0" }).success).toBe(false);
    expect(moveStageSchema.safeParse({ renewalId: "r", stage: "CLOSED_WON", closedAmount: "120,000.50" }).success).toBe(true);
    expect(moveStageSchema.safeParse({ renewalId: "r", stage: "PLANNING" }).success).toBe(true);
    expect(dollarsToCents("120,000.5")).toBe(12_000_050n);
    expect(dollarsToCents("$99")).toBe(9_900n);
  });
});

describe("the ARR movements of a closed renewal", () => {
  const base = { renewalAmountCents: 10_000_000n, accountArrCents: 10_000_000n, otherOpenRenewals: false };

  it("won at the same amount: a renewal at that amount, ARR unchanged", () => {
    expect(closingMovements({ ...base, outcome: "CLOSED_WON", closedAmountCents: 10_000_000n })).toEqual({
      movements: [{ type: "RENEWAL", amountCents: 10_000_000n }],
      arrDeltaCents: 0n,
    });
  });

  it("won higher: a renewal at the old amount and an expansion of the difference", () => {
    expect(closingMovements({ ...base, outcome: "CLOSED_WON", closedAmountCents: 12_500_000n })).toEqual({
      movements: [
        { type: "RENEWAL", amountCents: 10_000_000n },
        { type: "EXPANSION", amountCents: 2_500_000n },
      ],
      arrDeltaCents: 2_500_000n,
    });
  });

  it("won lower: a renewal at the new amount and a contraction of the difference", () => {
    expect(closingMovements({ ...base, outcome: "CLOSED_WON", closedAmountCents: 8_000_000n })).toEqual({
      movements: [
        { type: "RENEWAL", amountCents: 8_000_000n },
        { type: "CONTRACTION", amountCents: 2_000_000n },
      ],
      arrDeltaCents: -2_000_000n,
    });
  });

  it("lost: churn of the account's whole current ARR", () => {
    expect(closingMovements({ ...base, accountArrCents: 13_000_000n, outcome: "CLOSED_LOST", closedAmountCents: null })).toEqual({
      movements: [{ type: "CHURN", amountCents: 13_000_000n }],
      arrDeltaCents: -13_000_000n,
    });
  });

  it("lost while another contract of the account keeps running: a contraction of this renewal's amount", () => {
    expect(closingMovements({ ...base, accountArrCents: 13_000_000n, otherOpenRenewals: true, outcome: "CLOSED_LOST", closedAmountCents: null })).toEqual({
      movements: [{ type: "CONTRACTION", amountCents: 10_000_000n }],
      arrDeltaCents: -10_000_000n,
    });
  });

  it("lost on an account with no ARR left writes nothing", () => {
    expect(closingMovements({ ...base, accountArrCents: 0n, outcome: "CLOSED_LOST", closedAmountCents: null })).toEqual({ movements: [], arrDeltaCents: 0n });
  });
});

describe("renewal quarters", () => {
  it("names the calendar quarter of a date and its half-open range", () => {
    expect(quarterOf(new Date("2027-01-01T00:00:00Z"))).toBe("2027-Q1");
    expect(quarterOf(new Date("2027-09-30T00:00:00Z"))).toBe("2027-Q3");
    expect(quarterOf(new Date("2027-10-01T00:00:00Z"))).toBe("2027-Q4");
    expect(quarterRange("2027-Q4")).toEqual({ start: new Date("2027-10-01T00:00:00Z"), end: new Date("2028-01-01T00:00:00Z") });
    expect(isQuarter("2027-Q5")).toBe(false);
    expect(isQuarter("2027-Q2")).toBe(true);
  });
});

describe("the pipeline CSV", () => {
  it("writes the table's columns with exact dollars", () => {
    const csv = renewalsCsv([
      {
        accountName: "Acme, Inc.",
        name: "Acme — Renewal 2027-03-01",
        quarter: "2027-Q1",
        renewalDate: new Date("2027-03-01T00:00:00Z"),
        daysToRenewal: 98,
        stage: "PLANNING",
        risk: "HIGH",
        csmName: null,
        segment: "MID_MARKET",
        amountCents: 12_345_67n,
        closedAmountCents: null,
      },
    ]);
    expect(csv).toBe(
      "account,renewal,quarter,renewal_date,days_to_renewal,stage,risk,csm,segment,arr,closed_amount\r\n" +
        '"Acme, Inc.",Acme — Renewal 2027-03-01,2027-Q1,2027-03-01,98,Planning,High,,Mid-Market,12345.67,\r\n',
    );
  });
});
