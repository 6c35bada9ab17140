import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/data-table/pagination";
import { MarkAllReadButton, NotificationList } from "@/components/notifications/notification-list";
import { firstValues, type SearchParams } from "@/lib/paging";
import { listNotifications, notificationListParams } from "@/lib/server/notifications/notifications";
import { loadPage, pageUser } from "@/lib/server/page-guard";
import { handoffsToAcknowledge } from "@/lib/server/handoffs/acknowledgeable";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = notificationListParams.parse(firstValues(await searchParams));
  const user = await pageUser();
  const result = await loadPage(() => listNotifications(user, params));
  // A "ready to acknowledge" notification carries the acknowledgment form itself while the handoff waits for it.
  const handoffOf = (link: string | null) => /^\/handoffs\/([^/#?]+)/.exec(link ?? "")?.[1] ?? null;
  const waiting = new Set(
    (await handoffsToAcknowledge(user, result.data.filter((n) => n.kind === "handoff_acknowledge").map((n) => handoffOf(n.link)).filter((id): id is string => id !== null))).map((h) => h.id),
  );
  const rows = result.data.map((n) => {
    const handoffId = n.kind === "handoff_acknowledge" ? handoffOf(n.link) : null;
    return { id: n.id, title: n.title, body: n.body, link: n.link, read: n.readAt !== null, createdAt: n.createdAt.toISOString(), acknowledgeHandoffId: handoffId && waiting.has(handoffId) ? handoffId : null };
  });
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <div className="flex items-center gap-3 text-sm">
          <span>{result.unread} unread</span>
          <nav aria-label="Show" className="flex gap-2">
            <Link aria-current={params.show === "all" ? "page" : undefined} className="rounded-md border border-slate-300 px-2 py-1 aria-[current=page]:bg-slate-200" href="/notifications">All</Link>
            <Link aria-current={params.show === "unread" ? "page" : undefined} className="rounded-md border border-slate-300 px-2 py-1 aria-[current=page]:bg-slate-200" href="/notifications?show=unread">Unread</Link>
          </nav>
          {result.unread > 0 ? <MarkAllReadButton /> : null}
        </div>
      </div>
      <NotificationList rows={rows} />
      <Pagination currentPage={result.currentPage} totalPages={result.totalPages} count={result.count} />
    </>
  );
}
