import { PeriodFields } from "@/components/dashboard/period-fields";
import type { Period } from "@/lib/dashboard/period";
import type { DashboardParams } from "@/lib/dashboard/params";
import { SEGMENT_LABELS } from "@/lib/labels";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";
import { PersonPicker } from "@/components/ui/person-picker";
import type { CutOption } from "@/lib/server/dashboard/get-dashboard";

const option = (person: CutOption | null) => (person ? { value: person.id, label: person.name } : null);
const field = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";
const label = "block text-sm font-medium text-slate-700";

/**
 * A plain GET form: period and cuts go into the URL, so a view survives a reload and can be shared. From/To follow the
 * chosen preset; editing them makes a custom range. A CS manager's cut is their team until they pick a CSM or every
 * account; the server still forces a CSM's own book.
 */
export function DashboardFilters({
  params,
  period,
  today,
  options,
  action = "/dashboard",
  extra = {},
}: {
  params: DashboardParams;
  period: Period;
  /** Today in the company time zone, YYYY-MM-DD. */
  today: string;
  options: { csm: CutOption | null; ae: CutOption | null; csmLocked: boolean; teamCut?: boolean };
  action?: string;
  extra?: Record<string, string | undefined>;
}) {
  return (
    <CollapsibleFilters active={0}>
      <form method="get" action={action} className="no-print mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        {Object.entries(extra).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <PeriodFields idPrefix="dashboard" preset={period.preset} firstMonth={period.firstMonth} lastMonth={period.lastMonth} today={today} />
        <div>
          <label htmlFor="dashboard-segment" className={label}>Segment</label>
          <select id="dashboard-segment" name="segment" defaultValue={params.segment ?? ""} className={field}>
            <option value="">All segments</option>
            {Object.entries(SEGMENT_LABELS).map(([value, text]) => (
              <option key={value} value={value}>{text}</option>
            ))}
          </select>
        </div>
        {options.csmLocked ? (
          <div>
            <label htmlFor="dashboard-csm" className={label}>CSM</label>
            <input id="dashboard-csm" disabled value={options.csm?.name ?? ""} className={field} />
          </div>
        ) : (
          <PersonPicker id="dashboard-csm" name="csm" label="CSM" lookup="/api/people?role=CSM" allLabel="All CSMs" selected={option(options.csm)} />
        )}
        {options.teamCut ? (
          <div>
            <label htmlFor="dashboard-team" className={label}>Accounts</label>
            <select id="dashboard-team" name="team" defaultValue={params.team ?? ""} className={field}>
              <option value="">My team</option>
              <option value="all">Every account</option>
            </select>
          </div>
        ) : null}
        <PersonPicker id="dashboard-ae" name="ae" label="AE" lookup="/api/people?role=AE" allLabel="All AEs" selected={option(options.ae)} />
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white">Apply</button>
      </form>
    </CollapsibleFilters>
  );
}
