import { describe, expect, it } from "vitest";
import { parseIsoDate } from "@/lib/dates";
import { bool, centsToDollars, csvEnum, dollarsToCents, email, emptyAsNull, instant, int, isTimeZone, list, money, optionalMoney } from "@/lib/imports/fields";
import { COLUMNS, IMPORT_KINDS, isExportKind, isImportKind, requiredColumns, segmentCodec } from "@/lib/imports/formats";
import { accountRecord, arrMovementRecord, contactRecord, productRecord } from "@/lib/imports/row-format";
import { parseRow } from "@/lib/imports/row-schemas";

// The pure half of the CSV import: one cell to a value and back, one record to a typed row or a per-column report.

const failure = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message);

describe("money cells", () => {
  it("moves the digits: dollars to cents and back exactly, never through a float", () => {
    expect(dollarsToCents("1234.56")).toBe(123_456n);
    expect(dollarsToCents("0.1")).toBe(10n);
    expect(dollarsToCents("42")).toBe(4_200n);
    expect(dollarsToCents("9999999999999.99")).toBe(999_999_999_999_999n);
    expect(centsToDollars(123_456n)).toBe("1234.56");
    expect(centsToDollars(5)).toBe("0.05");
    expect(centsToDollars(-1_050n)).toBe("-10.50");
    expect(money.parse(" 1234.5 ")).toBe(123_450n);
  });

  it("refuses more than two decimals, signs, separators and text, saying what it expects", () => {
    for (const bad of ["1.234", "-5", "1,000", "$10", "ten", ""]) {
      expect(failure(money.safeParse(bad)), bad).toEqual(["must be dollars with up to 2 decimals, e.g. 1234.56"]);
    }
  });

  it("reads an empty optional cell as null and keeps the inner message otherwise", () => {
    expect(optionalMoney.parse("  ")).toBeNull();
    expect(optionalMoney.parse("10")).toBe(1_000n);
    expect(failure(optionalMoney.safeParse("10.999"))).toEqual(["must be dollars with up to 2 decimals, e.g. 1234.56"]);
    expect(emptyAsNull(int(1, 5)).parse("")).toBeNull();
  });
});

describe("other cells", () => {
  it("splits lists on semicolons, trimming and dropping empty items", () => {
    expect(list.parse("a; b;;c ;")).toEqual(["a", "b", "c"]);
    expect(list.parse("")).toEqual([]);
  });

  it("reads booleans as true/false in any case, nothing else", () => {
    expect(bool.parse(" TRUE ")).toBe(true);
    expect(bool.parse("false")).toBe(false);
    expect(failure(bool.safeParse("yes"))).toEqual(["must be true or false"]);
  });

  it("reads whole numbers within bounds", () => {
    const term = int(1, 120);
    expect(term.parse(" 12 ")).toBe(12);
    expect(failure(term.safeParse("0"))).toEqual(["must be at least 1"]);
    expect(failure(term.safeParse("121"))).toEqual(["must be at most 120"]);
    expect(failure(term.safeParse("1.5"))).toEqual(["must be a whole number"]);
  });

  it("lower-cases e-mails and requires an instant's offset", () => {
    expect(email.parse(" Ana@Customer.TEST ")).toBe("ana@customer.test");
    expect(failure(email.safeParse("not-mail"))).toEqual(["must be an e-mail address"]);
    expect(instant.parse("2026-11-27T11:30:00-05:00").toISOString()).toBe("2026-11-27T16:30:00.000Z");
    expect(failure(instant.safeParse("2026-11-27T16:30:00"))).toEqual(["must be an ISO 8601 date-time with its offset, e.g. 2026-11-27T16:30:00Z"]);
  });

  it("knows IANA time zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("reads an enum word leniently and writes its canonical word", () => {
    for (const word of ["Mid-Market", "mid market", "MID_MARKET", " midmarket "]) expect(segmentCodec.parse.parse(word), word).toBe("MID_MARKET");
    expect(segmentCodec.format("MID_MARKET")).toBe("Mid-Market");
    expect(failure(segmentCodec.parse.safeParse("Huge"))).toEqual(["must be one of Enterprise, Mid-Market, Scale"]);
    const priority = csvEnum({ high: "HIGH", low: "LOW" } as const);
    expect(priority.words).toBe("high, low");
  });
});

describe("formats", () => {
  it("names the import and export kinds and the columns a file must have", () => {
    expect(IMPORT_KINDS).toHaveLength(6);
    expect(IMPORT_KINDS.every(isImportKind)).toBe(true);
    expect(isImportKind("renewals")).toBe(false);
    expect(isExportKind("renewals")).toBe(true);
    expect(requiredColumns("deals")).toEqual(COLUMNS.deals.filter((column) => !["closed_at", "auto_renew", "notice_days", "uplift_pct"].includes(column)));
    expect(requiredColumns("arr_movements")).toEqual(["account_external_id", "date", "type", "amount"]);
    expect(requiredColumns("products")).toEqual(["name", "technical"]);
  });
});

describe("parseRow", () => {
  const account = {
    external_id: "A-1",
    name: "Acme",
    segment: "Enterprise",
    industry: "Software",
    region: "NA",
    timezone: "America/New_York",
    primary_language: "English",
    strategic: "",
    needs_onsite: "true",
    health_score: "",
    usage_pct: "87.5",
    expansion_potential: "1000.50",
    csm_email: "",
  };

  it("turns an account record into a typed row; empty optional cells mean not given", () => {
    expect(parseRow("accounts", account, 2)).toEqual({
      ok: true,
      row: {
        externalId: "A-1",
        name: "Acme",
        segment: "ENTERPRISE",
        industry: "Software",
        region: "NA",
        timezone: "America/New_York",
        primaryLanguage: "English",
        strategic: null,
        needsOnsite: true,
        healthScore: null,
        usagePct: "87.5",
        expansionPotentialCents: 100_050n,
        csmEmail: null,
      },
    });
  });

  it("reports one issue per failing column, on the record's line, with the column as the field", () => {
    const result = parseRow("accounts", { ...account, segment: "Huge", health_score: "101", timezone: "Nowhere" }, 7);
    expect(result).toEqual({
      ok: false,
      issues: [
        { line: 7, field: "segment", reason: "must be one of Enterprise, Mid-Market, Scale" },
        { line: 7, field: "timezone", reason: "must be an IANA time zone such as America/New_York" },
        { line: 7, field: "health_score", reason: "must be at most 100" },
      ],
    });
  });

  it("refuses a NUL character in any cell before parsing, naming the column", () => {
    const result = parseRow("products", { name: "Core\u0000", technical: "true" }, 3);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => [issue.line, issue.field])).toEqual([[3, "name"]]);
  });

  it("reads an absent optional column as empty, and refuses a movement of zero", () => {
    const movement = { account_external_id: "A-1", date: "2026-03-01", type: "expansion", amount: "250" };
    expect(parseRow("arr_movements", movement, 2)).toEqual({
      ok: true,
      row: { accountExternalId: "A-1", date: parseIsoDate("2026-03-01"), type: "EXPANSION", amountCents: 25_000n, dealExternalId: null, reason: null },
    });
    expect(parseRow("arr_movements", { ...movement, amount: "0" }, 4)).toEqual({ ok: false, issues: [{ line: 4, field: "amount", reason: "must be more than 0" }] });
  });

  it("reads back what the export writes", () => {
    const exported = accountRecord({
      externalId: "A-1",
      name: "Acme",
      segment: "MID_MARKET",
      industry: "Software",
      region: "NA",
      timezone: "America/New_York",
      primaryLanguage: "English",
      strategic: true,
      needsOnsite: false,
      healthScore: 64,
      usagePct: { toString: () => "87.5" },
      expansionPotentialCents: 1_234_56n,
      csmEmail: "csm@baton.test",
    });
    const parsed = parseRow("accounts", exported, 2);
    expect(parsed.ok && parsed.row).toMatchObject({ segment: "MID_MARKET", strategic: true, needsOnsite: false, healthScore: 64, usagePct: "87.5", expansionPotentialCents: 1_234_56n, csmEmail: "csm@baton.test" });

    expect(parseRow("products", productRecord({ name: "Core", technical: true }), 2)).toEqual({ ok: true, row: { name: "Core", technical: true } });
    const contact = contactRecord({ accountExternalId: "A-1", name: "Ana", title: "VP", role: "CHAMPION", email: "ana@customer.test", priority: "HIGH", notes: "" });
    expect(parseRow("contacts", contact, 2)).toMatchObject({ ok: true, row: { role: "CHAMPION", priority: "HIGH", email: "ana@customer.test" } });
    const movement = arrMovementRecord({ accountExternalId: "A-1", date: parseIsoDate("2026-03-01"), type: "CHURN", amountCents: 5_00n, dealExternalId: null, reason: "Budget" });
    expect(parseRow("arr_movements", movement, 2)).toMatchObject({ ok: true, row: { type: "CHURN", amountCents: 500n, reason: "Budget" } });
  });
});
