import type { Metadata } from "next";
import { headers } from "next/headers";
import { CalendarLink } from "@/components/book/calendar-link";
import { TouchpointList } from "@/components/book/touchpoint-list";
import { Panel } from "@/components/ui/panel";
import { firstValues, type SearchParams } from "@/lib/paging";
import { loadPage, pageUser } from "@/lib/server/page-guard";
import { bookListParam, getBook } from "@/lib/server/touchpoints/get-book";

export const metadata: Metadata = { title: "My book" };

export default async function BookPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { show } = firstValues(await searchParams);
  const user = await pageUser();
  const book = await loadPage(() => getBook(user, new Date(), bookListParam(show)));
  // The feed URL as the browser reached Baton, so it is right behind a proxy or on another port.
  const head = await headers();
  const origin = `${head.get("x-forwarded-proto") ?? "http"}://${head.get("x-forwarded-host") ?? head.get("host") ?? "localhost"}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">My book</h1>
      <TouchpointList title="Overdue touchpoints" rows={book.overdue} today={book.today} empty="Nothing overdue." list={{ name: "overdue", total: book.counts.overdue, expanded: book.expanded === "overdue" }} />
      <TouchpointList title="Upcoming touchpoints" rows={book.upcoming} today={book.today} empty="Nothing planned in the next four months." list={{ name: "upcoming", total: book.counts.upcoming, expanded: book.expanded === "upcoming" }} />
      <TouchpointList title="Recently done" rows={book.done} today={book.today} empty="Nothing done yet." done />
      <Panel title="Calendar">
        <CalendarLink url={`${origin}/api/calendar/${book.calendarToken}.ics`} />
      </Panel>
    </div>
  );
}
