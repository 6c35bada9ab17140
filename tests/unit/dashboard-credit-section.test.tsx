import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CREDIT_AES_SHOWN, CreditSection } from "@/components/dashboard/credit-section";
import { dashboardParams } from "@/lib/dashboard/params";
import { resolvePeriod } from "@/lib/dashboard/period";
import type { CreditRow, ExpansionCredit } from "@/lib/server/dashboard/get-expansion-credit";

const row = (index: number): CreditRow => ({
  aeId: `ae_${index}`,
  aeName: `AE ${String(index).padStart(3, "0")}`,
  accounts: 2,
  movements: 3,
  expansionCents: BigInt(1_000_000 - index * 100),
  creditCents: BigInt(100_000 - index * 10),
});

const credit = (count: number): ExpansionCredit => ({
  period: resolvePeriod("12m", new Date("2026-12-04T00:00:00Z")),
  ratePercent: 10,
  windowMonths: 18,
  rows: Array.from({ length: count }, (_, index) => row(index)),
  expansionCents: 0n,
  creditCents: 0n,
});

const render = (count: number) => renderToStaticMarkup(<CreditSection credit={credit(count)} definition="Credit." params={dashboardParams.parse({})} />);
const aeRows = (html: string) => [...html.matchAll(/<td[^>]*>(AE \d{3})<\/td>/g)].map((match) => match[1]);

describe("the dashboard's AE expansion credit table", () => {
  it("prints the first AEs by expansion ARR and says how many more the CSV has", () => {
    const html = render(200);
    const names = aeRows(html);
    expect(names).toHaveLength(CREDIT_AES_SHOWN);
    expect(names[0]).toBe("AE 000");
    expect(names.at(-1)).toBe("AE 024");
    expect(html).toContain("The 25 AEs with the most expansion ARR; 175 more in the");
    expect(html).toContain('href="/dashboard/export/expansion-credit');
  });

  it("prints every AE when they fit, with no note", () => {
    const html = render(CREDIT_AES_SHOWN);
    expect(aeRows(html)).toHaveLength(CREDIT_AES_SHOWN);
    expect(html).not.toContain("more in the");
  });
});
