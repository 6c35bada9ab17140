import type { Metadata } from "next";
import { Pagination } from "@/components/data-table/pagination";
import { QueueFilters } from "@/components/assignments/queue-filters";
import { QueueTable, type QueueTableRow } from "@/components/assignments/queue-table";
import { formatBusinessTimeLeft } from "@/lib/business-hours";
import { formatCentsWhole } from "@/lib/format";
import { HANDOFF_TYPE_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/paging";
import { listAssignmentQueue, queueParams } from "@/lib/server/assignments/list-assignment-queue";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Assignments" };

export default async function AssignmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = queueParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listAssignmentQueue(user, params));
  const rows: QueueTableRow[] = result.data.map((row) => ({
    id: row.id,
    accountName: row.accountName,
    handoffType: row.handoffType ? HANDOFF_TYPE_LABELS[row.handoffType] : "No handoff",
    arr: formatCentsWhole(row.arrCents),
    segment: SEGMENT_LABELS[row.segment],
    topCsmId: row.topCsmId,
    topCsmName: row.topCsmName,
    score: row.score,
    timeLeft: row.businessMsLeft === null ? "Clock stopped" : formatBusinessTimeLeft(row.businessMsLeft),
    overdue: row.businessMsLeft !== null && row.businessMsLeft < 0,
  }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">CSM assignments</h1>
      <p className="mb-4 text-slate-600">Handoffs awaiting a CSM. Open one to compare the candidates, or approve the top suggestion for several at once.</p>
      <QueueFilters params={params} />
      <QueueTable rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
