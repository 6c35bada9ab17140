import Link from "next/link";
import { CreditSection } from "@/components/dashboard/credit-section";
import { MeasureCard } from "@/components/dashboard/measure-card";
import { CountChart, LoadChart } from "@/components/dashboard/bar-charts";
import { detailsHref } from "@/components/dashboard/links";
import { SimpleTable } from "@/components/ui/simple-table";
import type { DashboardParams } from "@/lib/dashboard/params";
import { formatCents } from "@/lib/format";
import { DEAL_STAGE_LABELS } from "@/lib/labels";
import type { Dashboard } from "@/lib/server/dashboard/get-dashboard";

export function CapacitySection({ dashboard, params }: { dashboard: Dashboard; params: DashboardParams }) {
  const { load, pipeline, credit, definitions } = dashboard;
  const over = load.buckets.at(-1)?.csms ?? 0;
  return (
    <section aria-labelledby="capacity-heading" className="space-y-4">
      <h2 id="capacity-heading" className="text-lg font-semibold">CSM capacity and expansion</h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <MeasureCard
          title="CSM load"
          value={`${load.csms} ${load.csms === 1 ? "CSM" : "CSMs"}`}
          href={detailsHref("csm-load", params)}
          definition={definitions.csmLoad}
          detail={<p>{load.accounts} accounts, {formatCents(load.arrCents)} ARR in their books; {over} over their limits.</p>}
        >
          <LoadChart csms={load.top.map((row) => ({ name: row.name, load: Math.round(row.load * 1000) / 10 }))} />
          <CountChart data={load.buckets.map((bucket) => ({ label: bucket.label, value: bucket.csms }))} label="CSMs by load" color="#0f766e" />
        </MeasureCard>
        <MeasureCard
          title="Expansion pipeline"
          value={formatCents(pipeline.openArrCents)}
          href={detailsHref("expansion-deals", params)}
          linkLabel={`Open expansion pipeline ${formatCents(pipeline.openArrCents)}, show the deals`}
          definition={definitions.expansionPipeline}
          detail={
            <>
              <p>
                {pipeline.openDeals} open expansion deals. Identified potential:{" "}
                <Link href={detailsHref("expansion-potential", params)} className="font-medium underline">
                  {formatCents(pipeline.potentialCents)}
                </Link>{" "}
                on {pipeline.potentialAccounts} accounts.
              </p>
              <SimpleTable
                caption="Open expansion deals by stage"
                headers={["Stage", "Deals", "ARR"]}
                rows={pipeline.byStage.map((stage) => [DEAL_STAGE_LABELS[stage.stage], stage.deals, formatCents(stage.arrCents)])}
              />
            </>
          }
        />
      </div>
      {credit ? <CreditSection credit={credit} definition={definitions.expansionCredit} params={params} /> : null}
    </section>
  );
}
