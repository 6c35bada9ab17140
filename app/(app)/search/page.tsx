import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { firstValues, type SearchParams } from "@/lib/paging";
import { loadPage, pageUser } from "@/lib/server/page-guard";
import { globalSearch, type SearchResults } from "@/lib/server/search/global-search";

export const metadata: Metadata = { title: "Search" };

const params = z.object({ q: z.string().max(200).catch("").default("") });

/** Every result of a search (up to 20 per kind): where Enter goes when no single result is chosen, and the no-script search. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { q } = params.parse(firstValues(await searchParams));
  const user = await pageUser();
  let results: SearchResults | null = null;
  let message: string | null = null;
  if (q.trim()) {
    try {
      results = await loadPage(() => globalSearch(user, q, { limit: 20 }));
    } catch (error) {
      if (!isAppError(error) || error.code !== "VALIDATION") throw error;
      message = error.message;
    }
  }
  const total = results?.groups.reduce((sum, group) => sum + group.hits.length, 0) ?? 0;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Search</h1>
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="search-page-q" className="block text-sm font-medium text-slate-700">Name, e-mail or CRM id</label>
          <input id="search-page-q" name="q" type="search" defaultValue={q} className="w-72 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">Search</button>
      </form>
      {message ? <p role="alert" className="text-sm text-red-700">{message}</p> : null}
      {results ? (
        <p role="status" className="mb-4 text-sm text-slate-600">
          {total === 0 ? `Nothing you can see matches “${results.query}”.` : `${total} ${total === 1 ? "result" : "results"} for “${results.query}”.`}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {results?.groups.map((group) => (
          <section key={group.kind} aria-labelledby={`search-${group.kind}`} className="rounded-lg border border-slate-200 bg-white">
            <h2 id={`search-${group.kind}`} className="border-b border-slate-100 px-4 py-3 font-semibold">{group.label}</h2>
            <ul className="divide-y divide-slate-100">
              {group.hits.map((hit) => (
                <li key={hit.id} className="px-4 py-2">
                  <Link href={hit.href} prefetch={false} className="font-medium text-brand-700 hover:underline">{hit.title}</Link>
                  <p className="text-xs text-slate-600">{hit.detail}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
