import { SEGMENT_LABELS } from "@/lib/labels";
import type { RosterFilterOptions, RosterParams } from "@/lib/server/csms/list-csm-roster";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";

/** A plain GET form: the filters live in the URL with the current sort. */
export function RosterFilters({ params, options }: { params: RosterParams; options: RosterFilterOptions }) {
  const select = "rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  return (
    <CollapsibleFilters>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the roster">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <div>
          <label htmlFor="roster-q" className="block text-sm font-medium text-slate-700">Search CSMs</label>
          <input id="roster-q" name="q" defaultValue={params.q} placeholder="Name" className={select} />
        </div>
        <div>
          <label htmlFor="roster-tier" className="block text-sm font-medium text-slate-700">Tier</label>
          <select id="roster-tier" name="tier" defaultValue={params.tier ?? ""} className={select}>
            <option value="">All tiers</option>
            {Object.entries(SEGMENT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="roster-region" className="block text-sm font-medium text-slate-700">Region</label>
          <select id="roster-region" name="region" defaultValue={params.region ?? ""} className={select}>
            <option value="">All regions</option>
            {options.regions.map((region) => (
              <option key={region} value={region}>{region}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="roster-certification" className="block text-sm font-medium text-slate-700">Certified for</label>
          <select id="roster-certification" name="certification" defaultValue={params.certification ?? ""} className={select}>
            <option value="">Any certification</option>
            {options.certifications.map((product) => (
              <option key={product.id} value={product.id}>{product.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white">Apply</button>
      </form>
    </CollapsibleFilters>
  );
}
