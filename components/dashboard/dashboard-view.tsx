import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { RetentionSection } from "@/components/dashboard/retention-section";
import { OperationsSection } from "@/components/dashboard/operations-section";
import { ArrBridgeSection } from "@/components/dashboard/arr-bridge-section";
import { CapacitySection } from "@/components/dashboard/capacity-section";
import { ForecastAccuracySection } from "@/components/dashboard/forecast-accuracy-section";
import { periodLabel } from "@/lib/dashboard/period";
import { toIsoDate } from "@/lib/dates";
import type { DashboardParams } from "@/lib/dashboard/params";
import { formatDate } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import type { Dashboard } from "@/lib/server/dashboard/get-dashboard";

function cutSummary(dashboard: Dashboard, params: DashboardParams): string {
  const parts: string[] = [];
  if (dashboard.scopeNote) parts.push(dashboard.scopeNote);
  if (params.segment) parts.push(SEGMENT_LABELS[params.segment]);
  const { csm, ae, csmLocked } = dashboard.options;
  if (csm && !csmLocked) parts.push(`CSM ${csm.name}`);
  if (ae) parts.push(`AE ${ae.name}`);
  return parts.length === 0 ? "All accounts" : parts.join(" · ");
}

export function DashboardView({ dashboard, params }: { dashboard: Dashboard; params: DashboardParams }) {
  const { period } = dashboard;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="text-slate-600">
          <span data-testid="dashboard-period">
            {periodLabel(period)}
          </span>{" "}
          · <span data-testid="dashboard-cut">{cutSummary(dashboard, params)}</span> · as of {formatDate(dashboard.today)}
        </p>
        <p className="mt-1 text-xs text-slate-500">{dashboard.definitions.cuts} Click a figure to see the rows behind it.</p>
      </div>
      <DashboardFilters params={params} period={period} today={toIsoDate(dashboard.today)} options={dashboard.options} />
      <RetentionSection dashboard={dashboard} params={params} />
      <ArrBridgeSection dashboard={dashboard} params={params} />
      <OperationsSection dashboard={dashboard} params={params} />
      <CapacitySection dashboard={dashboard} params={params} />
      <ForecastAccuracySection dashboard={dashboard} params={params} />
    </div>
  );
}
