import { SEGMENT_LABELS } from "@/lib/labels";
import type { QueueParams } from "@/lib/server/assignments/list-assignment-queue";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";

/** A plain GET form: the filters live in the URL (the current sort is kept), so a view can be shared. */
export function QueueFilters({ params }: { params: QueueParams }) {
  return (
    <CollapsibleFilters>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the queue">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <div>
          <label htmlFor="queue-q" className="block text-sm font-medium text-slate-700">Search accounts</label>
          <input id="queue-q" name="q" defaultValue={params.q} placeholder="Account name" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        </div>
        <div>
          <label htmlFor="queue-segment" className="block text-sm font-medium text-slate-700">Segment</label>
          <select id="queue-segment" name="segment" defaultValue={params.segment ?? ""} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            <option value="">All segments</option>
            {Object.entries(SEGMENT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-eligible" className="block text-sm font-medium text-slate-700">Eligible CSMs</label>
          <select id="queue-eligible" name="eligible" defaultValue={params.eligible} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            <option value="all">All suggestions</option>
            <option value="none">No eligible CSM</option>
            <option value="some">With a suggested CSM</option>
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white">Apply</button>
      </form>
    </CollapsibleFilters>
  );
}
