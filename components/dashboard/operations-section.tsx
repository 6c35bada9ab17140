import Link from "next/link";
import { MeasureCard } from "@/components/dashboard/measure-card";
import { TtfvChart } from "@/components/dashboard/bar-charts";
import { detailsHref } from "@/components/dashboard/links";
import { checkTarget } from "@/lib/dashboard/targets";
import { TTFV_BUCKETS } from "@/lib/dashboard/ttfv";
import type { DashboardParams } from "@/lib/dashboard/params";
import { formatCents, formatDate, formatPercent } from "@/lib/format";
import type { Dashboard } from "@/lib/server/dashboard/get-dashboard";

export function OperationsSection({ dashboard, params }: { dashboard: Dashboard; params: DashboardParams }) {
  const { visibility, ttfv, handoffs, targets, definitions } = dashboard;
  const mean = handoffs.meanRating === null ? "—" : `${handoffs.meanRating.toFixed(2)} / 5`;
  return (
    <section aria-labelledby="operations-heading" className="space-y-4">
      <h2 id="operations-heading" className="text-lg font-semibold">Renewals, onboarding and handoffs</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <MeasureCard
          title="Renewal visibility at 90 days"
          value={formatPercent(visibility.visibility)}
          href={detailsHref("renewals-due", params)}
          target={checkTarget("renewalVisibility", visibility.visibility, targets)}
          definition={definitions.renewalVisibility}
          detail={
            <p>
              {visibility.visible} of {visibility.due} renewals due {formatDate(visibility.from)} – {formatDate(visibility.until)} are visible
              ({formatCents(visibility.visibleArrCents)} of {formatCents(visibility.dueArrCents)} ARR). {visibility.withoutCsm} without a CSM,{" "}
              {visibility.withoutOpportunity} without a renewal opportunity.
            </p>
          }
        />
        <MeasureCard
          title="Time to first value"
          value={ttfv.medianDays === null ? "—" : `${Number(ttfv.medianDays.toFixed(1))} days`}
          href={detailsHref("ttfv-accounts", params)}
          target={checkTarget("timeToFirstValue", ttfv.medianDays, targets)}
          definition={definitions.timeToFirstValue}
          detail={<p>Median over {ttfv.reached} of {ttfv.closed} accounts closed in the period; {ttfv.closed - ttfv.reached} still waiting.</p>}
        >
          <TtfvChart
            buckets={ttfv.buckets.map((bucket, index) => ({ ...bucket, max: TTFV_BUCKETS[index]?.max ?? null }))}
            targetDays={targets.timeToFirstValueDays}
          />
        </MeasureCard>
        <MeasureCard
          title="Handoff SLA"
          value={formatPercent(handoffs.slaShare)}
          href={detailsHref("handoffs", params)}
          definition={definitions.handoffSla}
          detail={
            <p>
              {handoffs.withinSla} of {handoffs.completed} completed handoffs within {handoffs.slaHours} business hours; {handoffs.openOverdue} open and
              past due.
            </p>
          }
        />
        <MeasureCard
          title="Handoff satisfaction"
          value={mean}
          href={detailsHref("handoffs", params, { sort: "rating" })}
          target={checkTarget("handoffSatisfaction", handoffs.meanRating, targets)}
          definition={definitions.handoffSatisfaction}
          detail={
            <p>
              {handoffs.rated} ratings (sum {handoffs.ratingSum}):{" "}
              {handoffs.ratings.map((count, index) => `${index + 1}★ ${count}`).join(" · ")}.{" "}
              <Link href={detailsHref("handoffs", params, { sort: "rating", dir: "asc" })} className="underline">Lowest first</Link>
            </p>
          }
        />
      </div>
    </section>
  );
}
