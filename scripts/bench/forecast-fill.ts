// The forecast's company-scale data, made inside PostgreSQL (INSERT … SELECT; deterministic, the pseudo-random numbers
// are hashes of the row ids): contract terms on a third of the renewals, a call on 80% of the open ones, the two
// checkpoints of every open renewal whose checkpoint day has come (in every state), and a year of weekly snapshots of
// every renewal due within a year either side of today, and each closed renewal's forecast 90 and 30 days out
// (ClosedRenewalForecast: the triggers write it as the renewals and snapshots go in; the step after the snapshots
// rebuilds it, so a load with triggers off — the generator's — is covered too), and the forecast page's summaries
// rebuilt from all of it. `npm run bench:generate` runs it as its last steps;
// `npm run bench:forecast` runs it on a bench database generated before the forecast existed.

const rand = (key: string, salt: number) => `((abs(hashtextextended(${key}, ${salt})) % 1000000) / 1000000.0)`;

/**
 * The contract terms of the renewal with id `id` (SQL): a third have a notice period (30, 60 or 90 days) and an
 * uplift (3, 5 or 7 %), the rest none. The generator writes them with the renewals; "contract terms" below sets them
 * on a database generated before it did.
 */
export function contractTermsSql(id: string): { noticeDays: string; upliftPct: string } {
  const has = `${rand(id, 3)} < 0.33`;
  return {
    noticeDays: `CASE WHEN ${has} THEN (ARRAY[30, 60, 90])[1 + floor(${rand(id, 1)} * 3)::int] END`,
    upliftPct: `CASE WHEN ${has} THEN (ARRAY[3, 5, 7])[1 + floor(${rand(id, 2)} * 3)::int] ELSE 0 END`,
  };
}

const terms = contractTermsSql("r.id");

export const FORECAST_FILL: ReadonlyArray<readonly [string, string]> = [
  ["contract terms", `UPDATE "RenewalOpportunity" r SET "noticeDays" = ${terms.noticeDays}, "upliftPct" = ${terms.upliftPct}
   WHERE r."noticeDays" IS NULL AND ${terms.noticeDays} IS NOT NULL`],
  ["forecasts", `INSERT INTO "RenewalForecast" ("renewalOpportunityId", category, "amountCents", outcome, "setById", "setAt", "updatedAt")
   SELECT r.id, c.category::"ForecastCategory", CASE WHEN c.category = 'AT_RISK' THEN r."amountCents" * 7 / 10 ELSE r."amountCents" END,
          (CASE WHEN c.category = 'AT_RISK' THEN 'DOWNSELL' ELSE 'FLAT' END)::"ForecastOutcome", a."csmId", now(), now()
   FROM "RenewalOpportunity" r JOIN "Account" a ON a.id = r."accountId"
   CROSS JOIN LATERAL (SELECT (ARRAY['COMMIT', 'BEST_CASE', 'PIPELINE', 'AT_RISK', 'OMITTED'])[1 + floor(${rand("r.id", 4)} * 5)::int] AS category) c
   WHERE r.stage IN ('RENEWAL_PENDING', 'PLANNING', 'NEGOTIATION', 'COMMITTED') AND a."csmId" IS NOT NULL AND ${rand("r.id", 5)} < 0.8`],
  [
    "checkpoints",
    // 180 and 90 days before the decision date (the renewal date less the notice): open, agreed, awaiting the CSM's
    // manager or decided by them; a renewal whose CSM has no manager is not escalated.
    `INSERT INTO "ForecastCheckpoint" (id, "renewalOpportunityId", "daysBefore", "dueDate", status, "openedAt", "csmCategory", "csmAmountCents",
       "recordedById", "recordedAt", "batonScore", "batonCategory", "managerId", "decidedCategory", "decidedAmountCents", "decisionReason", "decidedById", "decidedAt")
     SELECT 'bench_cp_' || r.id || '_' || k.days, r.id, k.days, k.due, st.status::"CheckpointStatus", k.due,
            CASE WHEN st.status <> 'OPEN' THEN f.category END, CASE WHEN st.status <> 'OPEN' THEN f."amountCents" END,
            CASE WHEN st.status <> 'OPEN' THEN a."csmId" END, CASE WHEN st.status <> 'OPEN' THEN k.due + time '15:00' END,
            CASE WHEN st.status <> 'OPEN' THEN floor(${rand("r.id || k.days", 9)} * 100)::int END,
            CASE WHEN st.status = 'AGREED' THEN f.category WHEN st.status <> 'OPEN' THEN 'AT_RISK'::"ForecastCategory" END,
            CASE WHEN st.status IN ('AWAITING_MANAGER', 'DECIDED') THEN u."managerId" END,
            CASE WHEN st.status = 'DECIDED' THEN 'AT_RISK'::"ForecastCategory" END, CASE WHEN st.status = 'DECIDED' THEN f."amountCents" * 8 / 10 END,
            CASE WHEN st.status = 'DECIDED' THEN 'Champion left; usage down' END, CASE WHEN st.status = 'DECIDED' THEN u."managerId" END,
            CASE WHEN st.status = 'DECIDED' THEN k.due + time '15:00' + interval '2 days' END
     FROM "RenewalOpportunity" r
     JOIN "Account" a ON a.id = r."accountId"
     JOIN "User" u ON u.id = a."csmId"
     JOIN "RenewalForecast" f ON f."renewalOpportunityId" = r.id
     CROSS JOIN LATERAL (SELECT days, (r."renewalDate" - COALESCE(r."noticeDays", 0) - days)::date AS due FROM (VALUES (180), (90)) v(days)) k
     CROSS JOIN LATERAL (SELECT CASE WHEN x < 0.3 THEN 'OPEN' WHEN x < 0.7 OR u."managerId" IS NULL THEN 'AGREED' WHEN x < 0.85 THEN 'AWAITING_MANAGER' ELSE 'DECIDED' END AS status
                         FROM (SELECT ${rand("r.id || k.days", 8)} AS x) y) st
     WHERE r.stage IN ('RENEWAL_PENDING', 'PLANNING', 'NEGOTIATION', 'COMMITTED') AND k.due <= current_date`,
  ],
  ["weekly snapshots", `INSERT INTO "ForecastSnapshot" (id, "renewalOpportunityId", "weekStart", category, "amountCents", outcome, "baseAmountCents", likelihood, "csmId")
   SELECT 'bench_snap_' || r.id || '_' || w, r.id, week.start,
          (ARRAY['COMMIT', 'BEST_CASE', 'PIPELINE', 'AT_RISK'])[1 + floor(${rand("r.id || w", 6)} * 4)::int]::"ForecastCategory",
          r."amountCents", 'FLAT', r."amountCents", floor(${rand("r.id || w", 7)} * 100)::int, a."csmId"
   FROM "RenewalOpportunity" r JOIN "Account" a ON a.id = r."accountId"
   CROSS JOIN generate_series(0, 51) w
   CROSS JOIN LATERAL (SELECT (date_trunc('week', current_date) - make_interval(weeks => w))::date AS start) week
   WHERE r."renewalDate" BETWEEN current_date - 365 AND current_date + 365
     AND week.start <= r."renewalDate" AND week.start > r."renewalDate" - 365`],
  ["closed renewals' 90/30-day forecasts", `SELECT closed_renewal_forecast_rebuild()`],
  // Last: the page's summaries read the calls, the snapshots and the closed renewals' rows above.
  ["forecast page summaries", `SELECT forecast_page_summaries_rebuild()`],
];

export const FORECAST_ANALYZE = [`ANALYZE "RenewalForecast"`, `ANALYZE "ForecastCheckpoint"`, `ANALYZE "ForecastSnapshot"`, `ANALYZE "RenewalOpportunity"`, `ANALYZE "ClosedRenewalForecast"`,
  `ANALYZE "ForecastRenewalState"`, `ANALYZE "ForecastQuarterSum"`, `ANALYZE "ForecastTeamQuarterSum"`, `ANALYZE "ForecastWeekChange"`, `ANALYZE "ForecastAccuracyMonth"`, `ANALYZE "ForecastAccuracyYear"`, `ANALYZE "ForecastReasonAccount"`];
