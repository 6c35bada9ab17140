import type { Metadata } from "next";
import { CsmProfilesTable } from "@/components/admin/csm-profiles-table";
import { Pagination } from "@/components/data-table/pagination";
import { FilterForm, FilterSearch } from "@/components/ui/filter-form";
import { formatCentsWhole } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { csmProfileListParams, listCsmProfiles } from "@/lib/server/csm-profiles/csm-profiles";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "CSM profiles" };

export default async function CsmProfilesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = csmProfileListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listCsmProfiles(user, params));
  const rows = result.data.map((row) => ({
    userId: row.userId,
    name: row.active ? row.name : `${row.name} (deactivated)`,
    email: row.email,
    tier: row.tier ? SEGMENT_LABELS[row.tier] : "No profile",
    limits: row.maxAccounts !== null && row.maxArrCents !== null ? `${row.maxAccounts} accounts / ${formatCentsWhole(row.maxArrCents)}` : "—",
    region: row.region ?? "—",
    certifications: row.certifications,
    hasProfile: row.tier !== null,
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">CSM profiles</h1>
      <p className="mb-4 text-sm text-slate-600">Tier, limits, expertise and certifications the CSM suggestion uses. Capacity defaults per tier are rule settings.</p>
      <FilterForm>
        <FilterSearch id="csm-q" label="Search" value={params.q} placeholder="Name or e-mail" />
      </FilterForm>
      <CsmProfilesTable rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
