// `npm run bench:lists` — the /renewals and /deals lists as their pages call them (lib/server/renewals/list-renewals,
// lib/server/deals/list-deals), on the company-scale data of `npm run bench:generate` (`baton_bench`, or `--url …`):
// a CS manager's first page, a deep page (reached by Next, and by its number), sorted by risk, filtered by risk, a search; the deals' first and
// deep pages (by Next and by number, default order and by ARR), sorts, a stage filter, an AE's and a manager's search; and the API's lists
// (lib/server/api/lists) deep by cursor and by page number. p50 / p95 per case against the list target (p95 < 100 ms). A benchmark, not a test.
//
// Runs under `tsx --conditions=react-server` so the server modules' `server-only` marker resolves.
import { benchDatabaseUrl } from "./bench-database";
import { measureLog, runVersus, versusDatabase } from "./versus";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const TARGET_MS = 100;

process.env.DATABASE_URL = benchDatabaseUrl(process.argv.slice(2));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { prisma } = await import("@/lib/db");
  const { listRenewals, renewalListParams } = await import("@/lib/server/renewals/list-renewals");
  const { listDeals, dealListParams } = await import("@/lib/server/deals/list-deals");
  const { encodeCursor } = await import("@/lib/keyset");
  const { listHandoffsForApi, listRenewalsForApi, listSuggestionsForApi } = await import("@/lib/server/api/lists");
  const { handoffQuery, renewalQuery, suggestionQuery } = await import("@/lib/api/schemas");
  /** The cursor naming the row at `offset` of an ordered query: where Next from the page before would start. */
  const keysetCursor = async (db: typeof prisma, sql: string, offset: number, values: (row: { key: string; id: string }) => string[]) => {
    const rows = await db.$queryRawUnsafe<{ key: string; id: string }[]>(`${sql} OFFSET ${offset} LIMIT 1`).catch(() => []); // no such column yet
    return rows[0] ? encodeCursor(values(rows[0])) : "";
  };
  const user = async (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, name: true, role: true, managerId: true } });
  const [manager, ae, csm] = await Promise.all([user("bench_mgr_001"), user("bench_ae_000"), user("bench_csm_0004")]);
  const renewals = (actor: typeof manager, query: Record<string, string>) => () => listRenewals(actor, renewalListParams.parse(query));
  const deals = (actor: typeof manager, query: Record<string, string>) => () => listDeals(actor, dealListParams.parse(query));
  // Page 200 as the list reaches it: "Next" from page 199 carries the cursor of its last row (lib/keyset.ts).
  const [last] = await prisma.$queryRaw<{ actionOrder: number; id: string }[]>`
    SELECT "actionOrder", "id" FROM "RenewalOpportunity" ORDER BY "actionOrder", "id" OFFSET ${199 * 25 - 1} LIMIT 1`;
  const after = encodeCursor([String(last?.actionOrder), last?.id ?? ""]);
  // /deals page 200 by Next: the cursor of page 199's last row in the default order (Deal.actionOrder, id). On a
  // database before the deal_list_keyset migration the list has no cursor and reads it as `?page=200` (an OFFSET).
  const dealAfter = await keysetCursor(prisma, `SELECT "actionOrder"::text AS key, "id" FROM "Deal" ORDER BY "actionOrder", "id"`, 199 * 25 - 1, (row) => [row.key, row.id]);
  const dealByArrAfter = await keysetCursor(prisma, `SELECT "amountCents"::text AS key, "id" FROM "Deal" ORDER BY "amountCents" DESC, "id" DESC`, 199 * 25 - 1, (row) => [row.key, row.id]);
  // The API's renewals (50 a page, by renewal date): page 500 by its number and by the cursor of page 499's last row.
  const apiAfter = await keysetCursor(prisma, `SELECT "renewalDate"::text AS key, "id" FROM "RenewalOpportunity" ORDER BY "renewalDate", "id"`, 499 * 50 - 1, (row) => ["500", row.key, row.id]);
  const handoffAfter = await keysetCursor(prisma, `SELECT to_char("startedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS key, "id" FROM "Handoff" ORDER BY "startedAt" DESC, "id"`, 499 * 50 - 1, (row) => ["500", row.key, row.id]);
  const api = <Q,>(run: (actor: typeof manager, query: Q) => Promise<unknown>, schema: { parse: (input: unknown) => Q }, query: Record<string, string>) => () => run(manager, schema.parse(query));
  const cases: [string, () => Promise<unknown>][] = [
    ["/renewals, manager, page 1", renewals(manager, {})],
    ["/renewals, manager, page 200 (Next)", renewals(manager, { page: "200", after })],
    ["/renewals, manager, ?page=200 (OFFSET)", renewals(manager, { page: "200" })],
    ["/renewals, manager, sorted by risk", renewals(manager, { sort: "risk", dir: "desc" })],
    ["/renewals, manager, risk HIGH", renewals(manager, { risk: "HIGH" })],
    ["/renewals, manager, search", renewals(manager, { q: "Company 0421" })],
    ["/renewals, CSM, page 1", renewals(csm, {})],
    ["/deals, manager, page 1", deals(manager, {})],
    ["/deals, manager, page 200 (Next)", deals(manager, { page: "200", after: dealAfter })],
    ["/deals, manager, ?page=200 (OFFSET)", deals(manager, { page: "200" })],
    ["/deals, manager, by ARR, page 200 (Next)", deals(manager, { sort: "amountCents", dir: "desc", page: "200", after: dealByArrAfter })],
    ["/deals, manager, by name", deals(manager, { sort: "name", dir: "asc" })],
    ["/deals, manager, stage PROPOSAL", deals(manager, { stage: "PROPOSAL" })],
    ["/deals, AE, page 1", deals(ae, {})],
    ["/deals, manager, search", deals(manager, { q: "Company 0421" })],
    ["/deals, AE, search", deals(ae, { q: "deal 2" })],
    ["API /renewals, page 1", api(listRenewalsForApi, renewalQuery, {})],
    ["API /renewals, page 500 (cursor)", api(listRenewalsForApi, renewalQuery, { cursor: apiAfter })],
    ["API /renewals, ?page=500 (OFFSET)", api(listRenewalsForApi, renewalQuery, { page: "500" })],
    ["API /handoffs, page 500 (cursor)", api(listHandoffsForApi, handoffQuery, { cursor: handoffAfter })],
    ["API /handoffs, ?page=500 (OFFSET)", api(listHandoffsForApi, handoffQuery, { page: "500" })],
    ["API /suggestions, page 1", api(listSuggestionsForApi, suggestionQuery, { status: "APPROVED" })],
  ];
  console.log(`List benchmark — ${RUNS} runs each after ${WARMUP} warm-up; target p95 < ${TARGET_MS} ms\n`);
  console.log(`${"list".padEnd(40)} ${"p50".padStart(7)} ${"p95".padStart(7)}  result`);
  let failures = 0;
  const measures = measureLog();
  for (const [name, run] of cases) {
    for (let i = 0; i < WARMUP; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
    if (p95 >= TARGET_MS) failures++;
    measures.add(name, times);
    console.log(`${name.padEnd(40)} ${p50.toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)}  ${p95 < TARGET_MS ? "PASS" : "FAIL"}`);
  }
  console.log(`\n${failures === 0 ? "All lists PASS" : `${failures} FAIL`}. Times in ms.`);
  measures.save();
  await prisma.$disconnect();
}

// `--vs baton_bench_10x`: the same on both databases, then side by side (scripts/bench/versus.ts); the target is 1×'s.
(versusDatabase(process.argv.slice(2)) ? runVersus("List benchmark", { p95Ms: TARGET_MS, judged: "base" }) : main()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
