import Link from "next/link";
import { MeasureCard } from "@/components/dashboard/measure-card";
import { RetentionTrendChart } from "@/components/dashboard/retention-trend-chart";
import { csvHref, detailsHref } from "@/components/dashboard/links";
import { SimpleTable } from "@/components/ui/simple-table";
import { checkTarget } from "@/lib/dashboard/targets";
import type { DashboardParams } from "@/lib/dashboard/params";
import { formatCents, formatPercent } from "@/lib/format";
import type { Dashboard } from "@/lib/server/dashboard/get-dashboard";

const pct = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 10_000) / 100);

export function RetentionSection({ dashboard, params }: { dashboard: Dashboard; params: DashboardParams }) {
  const { figures } = dashboard.retention;
  const { targets, definitions } = dashboard;
  const accounts = (sort: string) => detailsHref("retention-accounts", params, { sort, dir: "desc" });
  return (
    <section aria-labelledby="retention-heading" className="space-y-4">
      <h2 id="retention-heading" className="text-lg font-semibold">Revenue retention</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <MeasureCard
          title="Gross revenue retention"
          value={formatPercent(figures.grossRetention)}
          href={accounts("retained")}
          target={checkTarget("grossRetention", figures.grossRetention, targets)}
          definition={definitions.grossRetention}
          detail={
            <p>
              Σ min(end, start){" "}
              <Link href={accounts("retained")} aria-label={`GRR numerator ${formatCents(figures.retainedArrCents)}`} className="font-medium underline">
                {formatCents(figures.retainedArrCents)}
              </Link>{" "}
              ÷ Σ start{" "}
              <Link href={accounts("start")} aria-label={`Retention denominator ${formatCents(figures.startArrCents)}`} className="font-medium underline">
                {formatCents(figures.startArrCents)}
              </Link>
            </p>
          }
        />
        <MeasureCard
          title="Net revenue retention"
          value={formatPercent(figures.netRetention)}
          href={accounts("end")}
          target={checkTarget("netRetention", figures.netRetention, targets)}
          definition={definitions.netRetention}
          detail={
            <p>
              Σ end{" "}
              <Link href={accounts("end")} aria-label={`NRR numerator ${formatCents(figures.endArrCents)}`} className="font-medium underline">
                {formatCents(figures.endArrCents)}
              </Link>{" "}
              ÷ Σ start {formatCents(figures.startArrCents)}.{" "}
              <Link href={detailsHref("retention-movements", params)} className="underline">Movements in the period</Link>
            </p>
          }
        />
        <MeasureCard
          title="Logo retention"
          value={formatPercent(figures.logoRetention)}
          href={detailsHref("retention-accounts", params, { sort: "outcome" })}
          definition={definitions.logoRetention}
          detail={<p>{figures.retainedAccounts} of {figures.cohortAccounts} cohort accounts still customers.</p>}
        />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-medium">Trend: trailing 12 months, month by month</h3>
        <p className="mb-2 text-xs text-slate-500">{definitions.retentionTrend}</p>
        <RetentionTrendChart
          points={dashboard.trend.map((point) => ({
            label: point.label,
            grr: pct(point.figures.grossRetention),
            nrr: pct(point.figures.netRetention),
            logo: pct(point.figures.logoRetention),
          }))}
          grrTarget={targets.grossRetentionPct}
          nrrTarget={targets.netRetentionPct}
        />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-brand-700">Trend figures</summary>
          <p className="my-2">
            <a href={csvHref("retention-trend", params)} className="underline">Download the trend as CSV</a>
          </p>
          <SimpleTable
            caption="Retention trend"
            headers={["Month", "Cohort", "Start ARR", "End ARR", "GRR", "NRR", "Logo retention"]}
            rows={dashboard.trend.map((point) => [
              point.label,
              point.figures.cohortAccounts,
              formatCents(point.figures.startArrCents),
              formatCents(point.figures.endArrCents),
              formatPercent(point.figures.grossRetention),
              formatPercent(point.figures.netRetention),
              formatPercent(point.figures.logoRetention),
            ])}
          />
        </details>
      </div>
    </section>
  );
}
