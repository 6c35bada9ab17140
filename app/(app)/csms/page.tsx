import type { Metadata } from "next";
import { Pagination } from "@/components/data-table/pagination";
import { RosterFilters } from "@/components/csms/roster-filters";
import { RosterTable, type RosterTableRow } from "@/components/csms/roster-table";
import { formatCentsWhole } from "@/lib/format";
import { SEGMENT_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { listCsmRoster, rosterParams } from "@/lib/server/csms/list-csm-roster";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "CSM roster" };

const list = (values: readonly string[]) => (values.length > 0 ? values.join(", ") : "—");

export default async function CsmRosterPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = rosterParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listCsmRoster(user, params));
  const rows: RosterTableRow[] = result.data.map((row) => ({
    userId: row.userId,
    name: row.name,
    email: row.email,
    tier: SEGMENT_LABELS[row.tier],
    segments: list(row.segments.map((segment) => SEGMENT_LABELS[segment])),
    industries: list(row.industries),
    products: list(row.products),
    certifications: list(row.certifications),
    region: row.region,
    timezone: row.timezone,
    languages: list(row.languages),
    nps: String(row.npsScore),
    retention: `${row.retentionRate}%`,
    accounts: row.accounts,
    maxAccounts: row.maxAccounts,
    arrDollars: Number(row.arrCents / 100n),
    maxArrDollars: Number(row.maxArrCents / 100n),
    arrText: `${formatCentsWhole(row.arrCents)} of ${formatCentsWhole(row.maxArrCents)}`,
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">CSM roster</h1>
      <p className="mb-4 text-slate-600">Every CSM&apos;s book against the limits in force (the smaller of the profile&apos;s and the tier&apos;s), and what the assignment rules match on.</p>
      <RosterFilters params={params} options={result.options} />
      <RosterTable rows={rows} thresholds={result.thresholds} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
