import { ALL_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";

/** A plain GET form: filters live in the URL, so they survive a reload and can be shared. */
export function UserFilters({ q, role }: { q?: string; role?: string }) {
  return (
    <CollapsibleFilters>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="user-q" className="block text-sm font-medium text-slate-700">Search</label>
          <input id="user-q" name="q" defaultValue={q} placeholder="Name or e-mail" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        </div>
        <div>
          <label htmlFor="user-role" className="block text-sm font-medium text-slate-700">Role</label>
          <select id="user-role" name="role" defaultValue={role ?? ""} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            <option value="">All roles</option>
            {ALL_ROLES.map((value) => (
              <option key={value} value={value}>{ROLE_LABELS[value]}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white">Apply</button>
      </form>
    </CollapsibleFilters>
  );
}
