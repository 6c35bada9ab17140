import { DrillTable } from "@/components/dashboard/drill-table";
import { csvHref } from "@/components/dashboard/links";
import { Pagination } from "@/components/data-table/pagination";
import { Stat } from "@/components/ui/stat";
import { PeriodFields } from "@/components/dashboard/period-fields";
import { periodLabel } from "@/lib/dashboard/period";
import type { DrillParams } from "@/lib/dashboard/params";
import { formatCents } from "@/lib/format";
import type { MyExpansionCredit } from "@/lib/server/dashboard/get-my-expansion-credit";

const field = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

/** An AE's own credit: the period picker, the totals and the movements behind them. */
export function ExpansionCreditView({ result, params }: { result: MyExpansionCredit; params: DrillParams }) {
  const { credit, mine, movements } = result;
  const { period } = credit;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">My expansion credit</h1>
        <p className="text-slate-600">
          {periodLabel(period)}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          You keep {credit.ratePercent}% of the expansion ARR booked on accounts you closed, in the first {credit.windowMonths} months after
          the initial signing (the signing day counts, the day {credit.windowMonths} months later does not), while you are still their AE.
          The credit is worked out on your total for the period and rounded half up to the cent.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <PeriodFields idPrefix="credit" preset={period.preset} firstMonth={period.firstMonth} lastMonth={period.lastMonth} today={result.today} />
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white">Apply</button>
      </form>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Expansion ARR credited" value={formatCents(mine?.expansionCents ?? 0n)} hint={`${mine?.movements ?? 0} expansions on ${mine?.accounts ?? 0} accounts`} />
        <Stat label="Credit" value={formatCents(mine?.creditCents ?? 0n)} hint={`${credit.ratePercent}% of the expansion ARR`} />
        <Stat label="Window" value={`${credit.windowMonths} months`} hint="after the initial signing" />
      </div>
      <section aria-labelledby="credit-movements" className="space-y-3">
        <h2 id="credit-movements" className="text-lg font-semibold">Expansions that earn credit</h2>
        <p className="text-sm">
          <a href={csvHref("credit-movements", params)} className="underline">Download as CSV</a>
        </p>
        <DrillTable caption="Expansions that earn credit" columns={movements.columns} rows={movements.data} timezone={movements.timezone} />
        <Pagination currentPage={movements.currentPage} totalPages={movements.totalPages} count={movements.count} />
      </section>
    </div>
  );
}
