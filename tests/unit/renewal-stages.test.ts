import { describe, expect, it } from "vitest";
import { isQuarter, quarterOf, quarterRange } from "@/lib/renewals/quarter";
import { closingMovements, stageMoveError } from "@/lib/renewals/stages";
import { dollarsToCents, moveStageSchema } from "@/lib/renewals/forms";
import { readLossReason } from "@/lib/renewals/loss-reason";
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
    const lost = moveStageSchema.safeParse({ renewalId: "r", stage: "CLOSED_LOST" });
    expect(lost.success ? [] : lost.error.issues.map((issue) => issue.path.join("."))).toEqual(["reason", "addressable"]);
    expect(dollarsToCents("120,000.5")).toBe(12_000_050n);
    expect(dollarsToCents("$99")).toBe(9_900n);
  });
});

describe("the ARR movements of a closed renewal", () => {
  // One contract of $120,000.50 on an account with no other contract: its ARR is the account's.
  const only = { contractArrCents: 12_000_050n, accountArrCents: 12_000_050n, otherContracts: false };

  it("won at the same amount: a renewal at P, ARR unchanged, no reason needed", () => {
    expect(closingMovements({ ...only, outcome: "CLOSED_WON", closedAmountCents: 12_000_050n })).toEqual({
      movements: [{ type: "RENEWAL", amountCents: 12_000_050n }],
      arrDeltaCents: 0n,
      needsReason: false,
    });
  });

  it("won higher at $130,000.50: a renewal at P and an expansion of exactly $10,000, so ARR becomes P", () => {
    const result = closingMovements({ ...only, outcome: "CLOSED_WON", closedAmountCents: 13_000_050n });
    expect(result).toEqual({
      movements: [
        { type: "RENEWAL", amountCents: 13_000_050n },
        { type: "EXPANSION", amountCents: 1_000_000n },
      ],
      arrDeltaCents: 1_000_000n,
      needsReason: false,
    });
    expect(only.accountArrCents + result.arrDeltaCents).toBe(13_000_050n);
  });

  it("won lower (a downsell): a renewal at P and a contraction of the difference, with a reason", () => {
    const result = closingMovements({ ...only, outcome: "CLOSED_WON", closedAmountCents: 9_000_025n });
    expect(result.movements).toEqual([
      { type: "RENEWAL", amountCents: 9_000_025n },
      { type: "CONTRACTION", amountCents: 3_000_025n },
    ]);
    expect(result.needsReason).toBe(true);
    expect(only.accountArrCents + result.arrDeltaCents).toBe(9_000_025n);
  });

  it("the account's only contract: a change billing recorded during the term is counted, so ARR still ends at P", () => {
    // Billing contracted the account to $100,000 mid-term; renewed at $110,000: +$10,000, not −$10,000.50.
    const result = closingMovements({ ...only, accountArrCents: 10_000_000n, outcome: "CLOSED_WON", closedAmountCents: 11_000_000n });
    expect(result.movements).toEqual([
      { type: "RENEWAL", amountCents: 11_000_000n },
      { type: "EXPANSION", amountCents: 1_000_000n },
    ]);
  });

  it("with another contract running, the difference is taken from this contract's own ARR", () => {
    const result = closingMovements({ contractArrCents: 5_000_000n, accountArrCents: 8_000_000n, otherContracts: true, outcome: "CLOSED_WON", closedAmountCents: 4_000_000n });
    expect(result.movements).toEqual([
      { type: "RENEWAL", amountCents: 4_000_000n },
      { type: "CONTRACTION", amountCents: 1_000_000n },
    ]);
    expect(8_000_000n + result.arrDeltaCents).toBe(7_000_000n);
  });

  it("lost: a churn of the account's whole ARR on the renewal date, taking it to zero", () => {
    expect(closingMovements({ ...only, accountArrCents: 13_000_000n, outcome: "CLOSED_LOST", closedAmountCents: null })).toEqual({
      movements: [{ type: "CHURN", amountCents: 13_000_000n }],
      arrDeltaCents: -13_000_000n,
      needsReason: true,
    });
  });

  it("lost while another contract of the account keeps running: a contraction of this contract's ARR", () => {
    expect(closingMovements({ contractArrCents: 10_000_000n, accountArrCents: 13_000_000n, otherContracts: true, outcome: "CLOSED_LOST", closedAmountCents: null })).toEqual({
      movements: [{ type: "CONTRACTION", amountCents: 10_000_000n }],
      arrDeltaCents: -10_000_000n,
      needsReason: true,
    });
  });

  it("lost on an account with no ARR left writes nothing", () => {
    expect(closingMovements({ ...only, accountArrCents: 0n, outcome: "CLOSED_LOST", closedAmountCents: null })).toEqual({ movements: [], arrDeltaCents: 0n, needsReason: true });
  });
});

describe("the reason ARR was lost", () => {
  const reasons = ["Price", "Budget", "Other"];

  it("takes a reason from the list (any case), a note and whether it was addressable", () => {
    expect(readLossReason({ reason: "price", note: " too dear ", addressable: true }, reasons)).toEqual({ ok: true, value: { reason: "Price", note: "too dear", addressable: true } });
  });

  it("names the fields that need attention", () => {
    expect(readLossReason({}, reasons)).toEqual({
      ok: false,
      fieldErrors: { reason: ["Choose why ARR was lost: Price, Budget, Other"], addressable: ["Say whether the loss was addressable"] },
    });
    expect(readLossReason({ reason: "Weather", addressable: false }, reasons)).toEqual({ ok: false, fieldErrors: { reason: ['"Weather" is not one of the reasons: Price, Budget, Other'] } });
    expect(readLossReason({ reason: "Other", addressable: false }, reasons)).toEqual({ ok: false, fieldErrors: { reasonNote: ["Say what the other reason was"] } });
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
