import Link from "next/link";
import { csvHref, detailsHref } from "@/components/dashboard/links";
import { SimpleTable } from "@/components/ui/simple-table";
import type { DashboardParams } from "@/lib/dashboard/params";
import { formatCents } from "@/lib/format";
import { firstOf } from "@/lib/paging";
import type { ExpansionCredit } from "@/lib/server/dashboard/get-expansion-credit";

/** How many AEs the dashboard's credit table prints, the leaders by expansion ARR; the CSV has every one. */
export const CREDIT_AES_SHOWN = 25;

/** Leadership's AE expansion credit: the totals, and per AE (200 at company scale, 2,000 at 10×) the first few. */
export function CreditSection({ credit, definition, params }: { credit: ExpansionCredit; definition: string; params: DashboardParams }) {
  const shown = firstOf(credit.rows, CREDIT_AES_SHOWN);
  const csv = csvHref("expansion-credit", params);
  return (
    <section aria-labelledby="credit-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="credit-heading" className="font-medium">AE expansion credit</h3>
      <p className="mb-2 text-xs text-slate-500">{definition}</p>
      <p className="mb-2 text-sm">
        {formatCents(credit.expansionCents)} expansion ARR earning {formatCents(credit.creditCents)} credit ({credit.ratePercent}%).{" "}
        <a href={csv} className="underline">Download as CSV</a>
      </p>
      <SimpleTable
        caption="AE expansion credit"
        headers={["AE", "Accounts", "Movements", "Expansion ARR", "Credit"]}
        rows={shown.items.map((row) => [
          row.aeName,
          row.accounts,
          row.movements,
          <Link key={row.aeId} href={detailsHref("credit-movements", params, { focus: row.aeId })} className="underline">
            {formatCents(row.expansionCents)}
          </Link>,
          formatCents(row.creditCents),
        ])}
      />
      {shown.more > 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          The {shown.items.length} AEs with the most expansion ARR; {shown.more} more in the{" "}
          <a href={csv} className="underline">CSV</a>.
        </p>
      ) : null}
    </section>
  );
}
