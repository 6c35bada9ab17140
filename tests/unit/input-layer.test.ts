import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { calendarDay, inDateWindow, instantInWindow, termMonths } from "@/lib/input/dates";
import { nulFields, urlHasNul } from "@/lib/input/text";

describe("the date window and terms", () => {
  it("accepts 1990-01-01 to 2100-12-31 and refuses the rest, real dates only", () => {
    expect(["1990-01-01", "2026-02-28", "2100-12-31"].every(inDateWindow)).toBe(true);
    expect(["1989-12-31", "2101-01-01", "0000-01-01", "9999-12-31", "2026-1-1"].some(inDateWindow)).toBe(false);
    expect(calendarDay().safeParse("2026-02-30").error?.issues[0]?.message).toBe("is not a real date");
    expect(calendarDay().safeParse("0000-01-01").error?.issues.map((issue) => issue.message)).toEqual(["must be between 1990-01-01 and 2100-12-31"]);
    expect(instantInWindow.safeParse("2999-01-01T00:00:00Z").success).toBe(false);
    expect(instantInWindow.safeParse("2026-11-20T20:00:00-05:00").success).toBe(true);
    expect([0, 1, 120, 121, 12.5].map((months) => termMonths.safeParse(months).success)).toEqual([false, true, true, false, false]);
  });
});

describe("NUL characters", () => {
  it("are found at any depth of a value, keys included, with the field's path", () => {
    expect(nulFields({ a: "ok", deal: { name: "x\u0000", list: ["y", "\u0000"] }, ["k\u0000"]: 1 })).toEqual(["deal.name", "deal.list.1", "k\\u0000"]);
    expect(nulFields({ a: 1, b: null, c: new Date() })).toEqual([]);
  });

  it("are found in a request's path and query, encoded or not", () => {
    expect(urlHasNul(new URL("http://x/deals/%00"))).toBe(true);
    expect(urlHasNul(new URL("http://x/renewals?q=a%00b"))).toBe(true);
    expect(urlHasNul(new URL("http://x/renewals?q=a%2500b"))).toBe(false);
    expect(urlHasNul(new URL("http://x/renewals?q=a b"))).toBe(false);
  });
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

describe("server actions", () => {
  it("each refuses NUL text before its schema: through runAction, or nulFailure", () => {
    const actions = [...files("app"), ...files("components")].filter((file) => /\.tsx?$/.test(file) && readFileSync(file, "utf8").startsWith('"use server"'));
    const parsing = actions.filter((file) => /safeParse\(/.test(readFileSync(file, "utf8")) && !file.startsWith("app/login/"));
    expect(parsing.length).toBeGreaterThan(0);
    for (const file of parsing) {
      const source = readFileSync(file, "utf8");
      const parses = (source.match(/\.safeParse\(/g) ?? []).length;
      const guarded = (source.match(/nulFailure\(/g) ?? []).length;
      expect(guarded, file).toBeGreaterThanOrEqual(parses);
    }
  });
});
