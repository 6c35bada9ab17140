import { CollapsibleFilters } from "@/components/ui/collapsible-filters";

/** A GET form: filters live in the URL, so a view survives a reload and can be shared. Folded on a phone. */
export function FilterForm({ children, active = 0 }: { children: React.ReactNode; active?: number }) {
  return (
    <CollapsibleFilters active={active}>
      <form method="get" className="flex flex-wrap items-end gap-3">
        {children}
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">Apply</button>
      </form>
    </CollapsibleFilters>
  );
}

export function FilterSelect({ id, name, label, value, options }: { id: string; name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  );
}

export function FilterSearch({ id, label, value, placeholder }: { id: string; label: string; value?: string; placeholder?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <input id={id} name="q" defaultValue={value} placeholder={placeholder} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
    </div>
  );
}
