// `npm run bench:generate` — a company-scale data set for the benchmarks (`npm run bench:dashboard`, `bench:load`, …):
// 50,000 accounts, 1,000 CSMs (each with a book), 200 AEs, 200,000 deals, 1,000,000 ARR movements, their renewals and
// handoffs with their policy steps, the CSM assignments behind every book (approved, overridden, pending), 2,000,000
// touchpoints, about 144,000 risk assessments, 150,000 contacts, notifications and audit events, and the renewal
// forecast's calls, checkpoints and a year of weekly snapshots (scripts/bench/forecast-fill.ts).
// It goes into its own database (default `baton_bench` on the server of DATABASE_URL, or 127.0.0.1:5432),
// which is dropped, recreated and migrated first. Every row is made inside PostgreSQL with
// INSERT … SELECT generate_series, in bulk (see WITH_TRIGGERS), so it takes about 4 minutes on two shared cores. Deterministic: the same day
// gives the same data (pseudo-random numbers are hashes of the row number).
//
//   npm run bench:generate                 # baton_bench on the default server
//   npm run bench:generate -- --scale 10   # baton_bench_10x: every table ×10 at the same shape (500,000 accounts,
//                                          # 10,000 CSMs under 500 managers, 2,000 AEs, …); the 1× ids stay as they are
//   npm run bench:generate -- --url postgresql://postgres@127.0.0.1:5432/other_bench
import pg from "pg";
import { migrate } from "../db/engine";
import { benchDatabaseUrl, benchScale, recreateBenchDatabase, scaledBenchDatabase } from "./bench-database";
import { dropIndexes, insertedTables } from "./bulk-load";
import { contractTermsSql, FORECAST_FILL } from "./forecast-fill";

const SCALE = benchScale(process.argv.slice(2));
const ACCOUNTS = 50_000 * SCALE;
// A multiple of 20: CSM i's tier follows i % 20 (see people), and the account plan picks a block of 20.
const CSMS = 1_000 * SCALE;
const AES = 200 * SCALE;
// ×SCALE too, so a manager's team keeps its 20 CSMs.
const MANAGERS = 50 * SCALE;
const MOVEMENTS = 1_000_000 * SCALE;
const TOUCHPOINTS = 2_000_000 * SCALE;
// Zero-padded numbers in ids and names: lpad() truncates a longer number (100000 would become 10000, a duplicate id),
// so past the 1× range a number is written whole (bench_acc_500000, bench_ae_1999) while every 1× one keeps its 1× form
// at every scale (bench_ae_007, bench_acc_04711, Company 04711: the benches and load.ts name them). At 1× this is the
// plain lpad, so the 1× SQL is the same as before scaling existed.
const padder = (width: number, largest: number) => (expr: string) =>
  String(largest).length <= width ? `lpad(${expr}, ${width}, '0')` : `lpad(${expr}, greatest(${width}, length(${expr})), '0')`;
const ACC_PAD = padder(5, ACCOUNTS);
const CSM_PAD = padder(4, CSMS - 1);
const AE_PAD = padder(3, AES - 1);
const MGR_PAD = padder(3, MANAGERS);
// Each account gets one slot (its NEW movement); the rest are shared out by tenure, so old customers have more history.
const EXTRA_SLOTS = MOVEMENTS - ACCOUNTS;

/** A pseudo-random number in [0, 1) from a row number and a salt, computed by PostgreSQL's own hash. */
const rand = (key: string, salt: number) => `((abs(hashint8extended((${key})::bigint, ${salt})) % 1000000) / 1000000.0)`;
// An account's risk assessments: 1–5 (about 2.9), the k-th's level drawn from (n, k), most LOW, a tenth HIGH.
const ASSESSMENTS = (n: string) => `(1 + floor(${rand(n, 21)} * 4.76)::int)`;
const riskLevel = (n: string, k: string) => `(SELECT CASE WHEN r < 0.6 THEN 'LOW' WHEN r < 0.9 THEN 'MEDIUM' ELSE 'HIGH' END FROM (SELECT ${rand(`${n} * 8 + ${k}`, 22)} AS r) x)`;

// Every step but two runs in bulk (scripts/bench/bulk-load.ts): triggers and foreign-key checks off (the rows they
// point to were just written), and the tables it fills without their indexes until its end. Row by row, the triggers
// and the index maintenance made the run grow faster than the data (the movements took 15.6× their 1× time at 10×, the
// closed renewals' forecasts ran past 20 minutes at 1× refreshing state rows the last step rebuilds anyway). What the
// triggers would have kept is written once instead:
// - a column a BEFORE trigger sets is written by its step (deals' contract end and action order, renewals' action
//   order and risk level, handoffs' owner) or by a pass after it (accounts' book ARR and original AE: "deal columns"; book CSM:
//   "assigned books"), and the run ends by checking each one against its
//   trigger's function;
// - the dashboard summaries, book counters and measure summaries are rebuilt at the end, the closed renewals' 90/30-day
//   forecasts and the forecast page's state rows by the forecast's last two steps.
// With triggers on: the people (their cache versions) and the forecast page's summaries, whose rebuild fills the
// quarter, week, accuracy and reason sums through the state rows' triggers.
const WITH_TRIGGERS = new Set(["people", "forecast page summaries"]);
// The renewals' notice and uplift go in with them (the forecast's "contract terms" then finds none left to set):
// as an UPDATE of a third of them afterwards it rewrote 470,000 rows through eleven indexes at 10× (85 s).
const RENEWAL_TERMS = contractTermsSql("r.id");

const STEPS: ReadonlyArray<readonly [string, string]> = [
  [
    "people",
    `
    INSERT INTO "User" (id, email, name, role, "managerId", "updatedAt") VALUES
      ('bench_admin', 'admin@bench.test', 'Bench Admin', 'ADMIN', NULL, now()),
      ('bench_leader', 'leader@bench.test', 'Bench Leader', 'LEADERSHIP', NULL, now());
    INSERT INTO "User" (id, email, name, role, "managerId", "updatedAt")
      SELECT 'bench_mgr_' || ${MGR_PAD(`i::text`)}, 'manager' || i || '@bench.test', 'Manager ' || i, 'CS_MANAGER', 'bench_leader', now()
      FROM generate_series(1, ${MANAGERS}) i;
    INSERT INTO "User" (id, email, name, role, "managerId", "updatedAt")
      SELECT 'bench_csm_' || ${CSM_PAD(`i::text`)}, 'csm' || i || '@bench.test', 'CSM ' || ${CSM_PAD(`i::text`)}, 'CSM',
             'bench_mgr_' || ${MGR_PAD(`(i % ${MANAGERS} + 1)::text`)}, now()
      FROM generate_series(0, ${CSMS - 1}) i;
    INSERT INTO "User" (id, email, name, role, "managerId", "updatedAt")
      SELECT 'bench_ae_' || ${AE_PAD(`i::text`)}, 'ae' || i || '@bench.test', 'AE ' || ${AE_PAD(`i::text`)}, 'AE', 'bench_leader', now()
      FROM generate_series(0, ${AES - 1}) i;
    -- CSM i's tier follows i % 20: 0–3 Enterprise, 4–10 Mid-Market, 11–19 Scale (20 / 35 / 45 %).
    INSERT INTO "CsmProfile" (id, "userId", tier, "maxAccounts", "maxArrCents", segments, industries, region, timezone, languages,
                              "npsScore", "retentionRate", "updatedAt")
      SELECT 'bench_cp_' || i, 'bench_csm_' || ${CSM_PAD(`i::text`)}, t.tier::"Segment", t.max_accounts, t.max_arr,
             ARRAY[t.tier]::"Segment"[], ARRAY['Software'], 'NA', 'America/New_York', ARRAY['English'], 40, 92, now()
      FROM generate_series(0, ${CSMS - 1}) i
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 < 4 THEN 'ENTERPRISE' WHEN i % 20 < 11 THEN 'MID_MARKET' ELSE 'SCALE' END AS tier) s
      CROSS JOIN LATERAL (SELECT s.tier,
                                 CASE s.tier WHEN 'ENTERPRISE' THEN 15 WHEN 'MID_MARKET' THEN 50 ELSE 200 END AS max_accounts,
                                 CASE s.tier WHEN 'ENTERPRISE' THEN 500000000 WHEN 'MID_MARKET' THEN 200000000 ELSE 50000000 END::bigint AS max_arr) t;`,
  ],
  [
    "account plan",
    `
    CREATE UNLOGGED TABLE bench_plan AS
    WITH base AS (
      SELECT n,
             CASE WHEN ${rand("n", 1)} < 0.05 THEN 'ENTERPRISE' WHEN ${rand("n", 1)} < 0.37 THEN 'MID_MARKET' ELSE 'SCALE' END AS segment,
             20 + floor(2180 * power(${rand("n", 2)}, 1.25))::int AS tenure,
             ${rand("n", 3)} AS r_base, ${rand("n", 4)} AS r_fate, ${rand("n", 5)} AS r_csm, ${rand("n", 6)} AS r_ae
      FROM generate_series(1, ${ACCOUNTS}) n
    ), weighted AS (
      SELECT *, sum(tenure) OVER (ORDER BY n) AS cum, sum(tenure) OVER () AS total FROM base
    )
    SELECT n, 'bench_acc_' || ${ACC_PAD(`n::text`)} AS id, segment, tenure,
           (CURRENT_DATE - tenure) AS signed,
           1 + floor(${EXTRA_SLOTS}::numeric * cum / total)::int - floor(${EXTRA_SLOTS}::numeric * (cum - tenure) / total)::int AS slots,
           -- ARR of the first deal, with cents.
           (CASE segment WHEN 'ENTERPRISE' THEN 15000000 + floor(r_base * 45000000)
                         WHEN 'MID_MARKET' THEN 2000000 + floor(r_base * 10000000)
                         ELSE 300000 + floor(r_base * 2200000) END)::bigint + (n % 100) AS base,
           r_fate < 0.12 AS churns,
           r_fate >= 0.12 AND r_fate < 0.15 AS wins_back,
           -- The CSM of the account's tier: CSM i has tier i % 20 (see people).
           -- 5 % never had a CSM (drawn apart from which CSM, so every CSM, 0 included, gets a book).
           CASE WHEN ${rand("n", 20)} < 0.05 THEN NULL ELSE 'bench_csm_' || ${CSM_PAD(`(20 * floor(r_csm * ${CSMS / 20})::int
                + CASE segment WHEN 'ENTERPRISE' THEN n % 4 WHEN 'MID_MARKET' THEN 4 + n % 7 ELSE 11 + n % 9 END)::text`)} END AS csm_id,
           'bench_ae_' || ${AE_PAD(`floor(r_ae * ${AES})::int::text`)} AS original_ae,
           -- The level of its latest risk assessment ("risk assessments"): its renewals' riskLevel.
           ${riskLevel("n", ASSESSMENTS("n"))} AS risk_level,
           -- 3 % of accounts were handed to another AE later: no expansion credit for anyone.
           'bench_ae_' || ${AE_PAD(`(CASE WHEN ${rand("n", 7)} < 0.03 THEN (floor(r_ae * ${AES})::int + 1 + n % 50) % ${AES}
                                     ELSE floor(r_ae * ${AES})::int END)::text`)} AS ae_id
    FROM weighted;
    ALTER TABLE bench_plan ADD PRIMARY KEY (n);`,
  ],
  [
    "accounts",
    `
    INSERT INTO "Account" (id, "externalId", name, segment, industry, region, timezone, "primaryLanguage", "healthScore", "usagePct",
                           "expansionPotentialCents", "csmId", "csmAssignedAt", "aeId", "initialSignedAt", "goLiveAt", "firstValueAt", "updatedAt")
    SELECT p.id, 'BENCH-' || ${ACC_PAD(`p.n::text`)}, 'Company ' || ${ACC_PAD(`p.n::text`)}, p.segment::"Segment", 'Software', 'NA',
           'America/New_York', 'English', 40 + (p.n % 60), (p.n % 120)::numeric,
           CASE WHEN p.churns THEN 0 ELSE (p.base * floor(${rand("p.n", 8)} * 50) / 100)::bigint END,
           p.csm_id, CASE WHEN p.csm_id IS NULL THEN NULL ELSE p.signed + 2 END, p.ae_id, p.signed,
           CASE WHEN p.signed + v.days - 3 <= CURRENT_DATE THEN p.signed + greatest(v.days - 3, 1) END,
           CASE WHEN p.signed + v.days <= CURRENT_DATE THEN p.signed + v.days END,
           now()
    FROM bench_plan p
    CROSS JOIN LATERAL (SELECT 2 + floor(90 * power(${rand("p.n", 9)}, 1.6))::int AS days) v;`,
  ],
  [
    "ARR movements",
    `
    INSERT INTO "ArrMovement" (id, "accountId", date, type, "amountCents", "createdAt")
    SELECT 'bench_mv_' || n || '_' || k, id, date, type::"ArrMovementType",
           CASE WHEN type IN ('CHURN', 'RENEWAL') THEN sum(delta) OVER (PARTITION BY n, epoch ORDER BY k) ELSE amount END,
           date
    FROM (
      SELECT p.n, p.id, s.k, s.type, s.amount, s.epoch, p.signed + (s.k * p.tenure / p.slots) AS date,
             CASE WHEN s.type IN ('NEW', 'EXPANSION') THEN s.amount WHEN s.type = 'CONTRACTION' THEN -s.amount ELSE 0 END AS delta
      FROM bench_plan p
      CROSS JOIN LATERAL (
        SELECT k, type, r,
               CASE WHEN type = 'NEW' THEN p.base
                    WHEN type = 'EXPANSION' THEN (p.base * (3 + floor(r * 30)) / 100)::bigint + (k % 97)
                    -- 1–2 % of the first ARR each; an account has at most ~45 slots, so ARR never goes below zero.
                    WHEN type = 'CONTRACTION' THEN (p.base * (1 + floor((r - 0.40) * 10)) / 100)::bigint + (k % 89)
                    ELSE 0 END AS amount,
               CASE WHEN p.wins_back AND p.slots >= 4 AND k > p.slots / 2 THEN 1 ELSE 0 END AS epoch
        FROM generate_series(0, p.slots - 1) k
        CROSS JOIN LATERAL (SELECT ${rand("p.n * 100 + k", 10)} AS r) rr
        CROSS JOIN LATERAL (
          SELECT CASE WHEN k = 0 THEN 'NEW'
                      WHEN p.churns AND k = p.slots - 1 THEN 'CHURN'
                      WHEN p.wins_back AND p.slots >= 4 AND k = p.slots / 2 THEN 'CHURN'
                      WHEN p.wins_back AND p.slots >= 4 AND k = p.slots / 2 + 1 THEN 'NEW'
                      WHEN r < 0.40 THEN 'EXPANSION'
                      WHEN r < 0.58 THEN 'CONTRACTION'
                      ELSE 'RENEWAL' END AS type
        ) tt
      ) s
    ) x;`,
  ],
  [
    "account ARR",
    `
    UPDATE "Account" a SET "arrCents" = s.arr
    FROM (SELECT "accountId", sum(CASE WHEN type IN ('NEW', 'EXPANSION') THEN "amountCents"
                                       WHEN type IN ('CONTRACTION', 'CHURN') THEN -"amountCents" ELSE 0 END) AS arr
          FROM "ArrMovement" GROUP BY "accountId") s
    WHERE a.id = s."accountId";
    UPDATE "Account" SET "csmId" = NULL, "csmAssignedAt" = NULL, "expansionPotentialCents" = 0 WHERE "arrCents" = 0;`,
  ],
  [
    "deals",
    `
    -- contractEnd and actionOrder as the (here disabled) BEFORE triggers deal_contract_end and deal_set_action_order set them.
    INSERT INTO "Deal" (id, "externalId", "accountId", name, type, stage, "amountCents", "termMonths", "closeDate", "contractStart",
                        "contractEnd", "actionOrder", "ownerId", "closedWonAt", "updatedAt")
    SELECT 'bench_deal_' || p.n || '_' || d.k, 'BENCH-OPP-' || p.n || '-' || d.k, p.id, 'Company ' || p.n || ' deal ' || d.k,
           d.type::"DealType", d.stage::"DealStage", d.amount, 12, d.close,
           CASE WHEN d.stage = 'CLOSED_WON' THEN d.close END,
           (d.close + interval '12 months')::date,
           CASE WHEN d.stage IN ('CLOSED_WON', 'CLOSED_LOST') THEN 10000000 - (d.close - DATE '2000-01-01') ELSE d.close - DATE '2000-01-01' END,
           CASE WHEN d.k = 0 THEN p.original_ae ELSE p.ae_id END,
           CASE WHEN d.stage = 'CLOSED_WON' THEN d.close + time '15:00' END, now()
    FROM bench_plan p
    JOIN "Account" a ON a.id = p.id
    CROSS JOIN LATERAL (
      VALUES
        (0, 'NEW', 'CLOSED_WON', p.base, p.signed),
        -- The current contract: renewed on the last anniversary; churned accounts lost it.
        (1, 'RENEWAL',
            CASE WHEN a."arrCents" = 0 THEN 'CLOSED_LOST' WHEN p.tenure >= 365 THEN 'CLOSED_WON' ELSE 'NEGOTIATION' END,
            greatest(a."arrCents", p.base),
            CASE WHEN p.tenure >= 365 THEN (p.signed + make_interval(years => p.tenure / 365))::date ELSE (p.signed + interval '1 year')::date END),
        -- Pipeline: a third of the accounts have an open expansion deal.
        (2, 'EXPANSION',
            CASE WHEN a."arrCents" > 0 AND ${rand("p.n", 11)} < 0.35
                 THEN (ARRAY['PROSPECTING', 'DISCOVERY', 'PROPOSAL', 'NEGOTIATION'])[1 + p.n % 4]
                 WHEN ${rand("p.n", 11)} < 0.8 THEN 'CLOSED_WON' ELSE 'CLOSED_LOST' END,
            (p.base * (10 + p.n % 20) / 100)::bigint,
            CASE WHEN a."arrCents" > 0 AND ${rand("p.n", 11)} < 0.35 THEN CURRENT_DATE + 10 + p.n % 200
                 ELSE CURRENT_DATE - floor(${rand("p.n", 12)} * least(p.tenure, 365))::int END),
        (3, 'EXPANSION', CASE WHEN ${rand("p.n", 13)} < 0.7 THEN 'CLOSED_WON' ELSE 'CLOSED_LOST' END,
            (p.base * (5 + p.n % 15) / 100)::bigint, p.signed + floor(${rand("p.n", 14)} * p.tenure)::int)
    ) AS d(k, type, stage, amount, close);`,
  ],
  [
    "deal columns",
    // What the deals' row triggers (deal_refresh_original_ae, deal_refresh_book_arr) would have set, in one pass each.
    `
    ANALYZE "Deal";
    UPDATE "Account" a SET "originalAeId" = o.owner
    FROM (SELECT DISTINCT ON ("accountId") "accountId", "ownerId" AS owner FROM "Deal"
          WHERE type = 'NEW' AND stage = 'CLOSED_WON' ORDER BY "accountId", "closeDate", "ownerId") o
    WHERE a.id = o."accountId" AND a."originalAeId" IS DISTINCT FROM o.owner;
    UPDATE "Account" a SET "bookArrCents" = account_book_arr(a.id, a."arrCents") WHERE a."bookArrCents" IS DISTINCT FROM account_book_arr(a.id, a."arrCents");`,
  ],
  [
    "renewal opportunities",
    `
    -- actionOrder and riskLevel as the (here disabled) BEFORE triggers renewal_set_action_order and renewal_risk_level
    -- set them (riskLevel: the account's latest risk assessment, planned in bench_plan; "risk assessments" writes them).
    INSERT INTO "RenewalOpportunity" (id, "accountId", "originalDealId", name, "amountCents", "renewalDate", stage, "actionOrder",
                                      "riskLevel", "noticeDays", "upliftPct", "originalCloseDate", "contractTermMonths", "closedAmountCents", "closedAt", "updatedAt")
    SELECT r.id, d."accountId", d.id, d.name || ' renewal', d."amountCents", e.renewal,
           CASE WHEN e.renewal < CURRENT_DATE THEN 'CLOSED_WON' ELSE 'RENEWAL_PENDING' END::"RenewalStage",
           CASE WHEN e.renewal < CURRENT_DATE THEN 10000000 - (e.renewal - DATE '2000-01-01') ELSE e.renewal - DATE '2000-01-01' END,
           p.risk_level::"RiskLevel", ${RENEWAL_TERMS.noticeDays}, ${RENEWAL_TERMS.upliftPct}, d."closeDate", d."termMonths",
           -- A past renewal closed won at what it was up for, a fifth of them with a 3–7 % uplift, so accuracy has figures.
           CASE WHEN e.renewal < CURRENT_DATE
                THEN d."amountCents" * (100 + CASE WHEN ${rand("hashtext(d.id)", 26)} < 0.2 THEN 3 + floor(${rand("hashtext(d.id)", 27)} * 5)::int ELSE 0 END) / 100 END,
           CASE WHEN e.renewal < CURRENT_DATE THEN e.renewal::timestamp + interval '12 hours' END,
           now()
    FROM "Deal" d
    LEFT JOIN bench_plan p ON p.id = d."accountId"
    CROSS JOIN LATERAL (SELECT 'bench_ren_' || substr(d.id, 12) AS id) r
    CROSS JOIN LATERAL (SELECT (coalesce(d."contractStart", d."closeDate") + make_interval(months => d."termMonths"))::date AS renewal) e
    -- 3 % of closed-won deals never got their renewal opportunity: those renewals are not visible.
    WHERE d.stage = 'CLOSED_WON' AND ${rand("hashtext(d.id)", 15)} >= 0.03;`,
  ],
  [
    "handoffs",
    `
    -- ownerId as the (here disabled) BEFORE trigger handoff_default_owner sets it: the deal's owner.
    INSERT INTO "Handoff" (id, type, status, "accountId", "dealId", "ownerId", "startedAt", "dueAt", "completedAt", "completedWithinSla",
                           "acknowledgedAt", rating, "updatedAt")
    SELECT 'bench_ho_' || substr(d.id, 12), CASE WHEN d.type = 'EXPANSION' THEN 'EXPANSION' ELSE 'NEW_CUSTOMER' END::"HandoffType",
           CASE WHEN h.open THEN 'IN_PROGRESS' WHEN h.rated THEN 'ACKNOWLEDGED' ELSE 'COMPLETED' END::"HandoffStatus",
           d."accountId", d.id, d."ownerId", d."closedWonAt", d."closedWonAt" + interval '72 hours',
           CASE WHEN NOT h.open THEN d."closedWonAt" + make_interval(hours => h.hours) END,
           CASE WHEN NOT h.open THEN h.hours <= 72 END,
           CASE WHEN h.rated THEN d."closedWonAt" + make_interval(hours => h.hours + 20) END,
           CASE WHEN h.rated THEN h.rating END, now()
    FROM "Deal" d
    CROSS JOIN LATERAL (
      SELECT d."closeDate" > CURRENT_DATE - 5 AS open,
             CASE WHEN ${rand("hashtext(d.id)", 16)} < 0.86 THEN 10 + floor(${rand("hashtext(d.id)", 17)} * 60)::int
                  ELSE 74 + floor(${rand("hashtext(d.id)", 17)} * 60)::int END AS hours,
             d."closeDate" <= CURRENT_DATE - 5 AND ${rand("hashtext(d.id)", 18)} < 0.8 AS rated,
             CASE WHEN ${rand("hashtext(d.id)", 19)} < 0.48 THEN 5 WHEN ${rand("hashtext(d.id)", 19)} < 0.86 THEN 4 ELSE 3 END AS rating
    ) h
    WHERE d.stage = 'CLOSED_WON' AND d.type IN ('NEW', 'EXPANSION');`,
  ],
  [
    "contacts",
    // Three per account, names drawn from 40 first and 40 last names so a common first name matches thousands.
    `
    INSERT INTO "Contact" (id, "accountId", name, title, role, email, priority, "updatedAt")
    SELECT 'bench_ct_' || p.n || '_' || k, p.id, f.first || ' ' || l.last, (ARRAY['VP Operations', 'CTO', 'Head of CS', 'Analyst'])[1 + (p.n + k) % 4],
           (ARRAY['CHAMPION', 'ECONOMIC_BUYER', 'USER'])[k]::"ContactRole",
           lower(f.first || '.' || l.last || '.' || p.n || '@company' || p.n || '.example'), 'MEDIUM', now()
    FROM bench_plan p
    CROSS JOIN generate_series(1, 3) k
    CROSS JOIN LATERAL (SELECT (ARRAY['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Maya', 'Nico',
                                      'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Aiko', 'Bruno',
                                      'Carmen', 'Dmitri', 'Esther', 'Felix', 'Gita', 'Hamza', 'Ivy', 'Jamal', 'Keiko', 'Lars', 'Mina', 'Noor'])[1 + (p.n * 7 + k * 13) % 40] AS first) f
    CROSS JOIN LATERAL (SELECT (ARRAY['Garcia', 'Smith', 'Nguyen', 'Okafor', 'Rossi', 'Kim', 'Patel', 'Müller', 'Silva', 'Cohen', 'Ivanova', 'Haddad',
                                      'Tanaka', 'Larsen', 'Dubois', 'Mendes', 'Novak', 'Reyes', 'Walker', 'Chen', 'Kowalski', 'Bauer', 'Santos', 'Ali',
                                      'Jensen', 'Moreau', 'Sato', 'Costa', 'Fischer', 'Khan', 'Lopez', 'Brown', 'Ito', 'Weber', 'Park', 'Singh', 'Mora',
                                      'Olsen', 'Popov', 'Quist'])[1 + (p.n * 11 + k * 3) % 40] AS last) l;`,
  ],
  [
    "CSM assignments",
    // The decision behind each book place: approved (10 % overridden to the CSM the plan gave), decided by the CSM's
    // manager the day after signing. Churned accounts have no CSM now; their latest approved assignment still names one.
    // Open handoffs carry a pending suggestion. Stored without a snapshot, like the demo's history (`[]`).
    `
    INSERT INTO "CsmAssignment" (id, "accountId", "handoffId", status, "suggestedCsmId", "suggestedScore", candidates, "chosenCsmId",
                                 "decidedById", "decidedAt", reason, "effectiveDate", "createdAt")
    SELECT 'bench_ca_' || p.n, p.id, 'bench_ho_' || p.n || '_0',
           CASE WHEN o.overridden THEN 'OVERRIDDEN' ELSE 'APPROVED' END::"AssignmentStatus",
           CASE WHEN o.overridden THEN 'bench_csm_' || ${CSM_PAD(`((substr(p.csm_id, 11)::int + 20) % ${CSMS})::text`)} ELSE p.csm_id END,
           round((60 + 35 * ${rand("p.n", 24)})::numeric, 8), '[]', p.csm_id,
           'bench_mgr_' || ${MGR_PAD(`(substr(p.csm_id, 11)::int % ${MANAGERS} + 1)::text`)},
           (p.signed + 1) + time '10:00', CASE WHEN o.overridden THEN 'Knows the champion from a previous account' END,
           p.signed + 2, p.signed + time '16:00'
    FROM bench_plan p
    CROSS JOIN LATERAL (SELECT ${rand("p.n", 23)} < 0.1 AS overridden) o
    WHERE p.csm_id IS NOT NULL;
    INSERT INTO "CsmAssignment" (id, "accountId", "handoffId", status, "suggestedCsmId", "suggestedScore", candidates, "createdAt")
    SELECT 'bench_ca_open_' || substr(h.id, 10), h."accountId", h.id, 'PENDING', a."csmId", 75, '[]', h."startedAt"
    FROM "Handoff" h JOIN "Account" a ON a.id = h."accountId"
    WHERE h.status = 'IN_PROGRESS' AND a."csmId" IS NOT NULL;`,
  ],
  [
    "assigned books",
    // The assignments went in with triggers off (see WITH_TRIGGERS): row by row, each one's trigger recomputed its
    // account's book CSM (quadratic in the assignments before they were analyzed: 22 s at 1×, more than 15 min at 10×).
    // One pass gives the same column.
    `
    ANALYZE "CsmAssignment";
    UPDATE "Account" a SET "bookCsmId" = account_book_csm(a.id, a."csmId") WHERE a."bookCsmId" IS DISTINCT FROM account_book_csm(a.id, a."csmId");`,
  ],
  [
    "touchpoints",
    // Each closed-won deal's schedule (the handoff call of new and expansion deals, onboarding, the first QBR, the
    // renewal side linked to its renewal opportunity), owned by the account's CSM; past ones mostly done.
    `
    INSERT INTO "Touchpoint" (id, "accountId", "sourceDealId", "renewalOpportunityId", type, "dueDate", "ruleDate", "asapFlag", "aeInvited",
                              "ownerId", status, "completedAt", "createdAt")
    SELECT 'bench_tp_' || substr(d.id, 12) || '_' || t.i, d."accountId", d.id, CASE WHEN t.i >= 8 THEN r.id END, t.type::"TouchpointType",
           t.due, t.due, false, t.type IN ('QBR', 'HANDOFF_CALL'), a."csmId", st.status::"TouchpointStatus",
           CASE WHEN st.status = 'DONE' THEN t.due + time '11:00' END, d."closedWonAt"
    FROM "Deal" d
    JOIN "Account" a ON a.id = d."accountId"
    LEFT JOIN "RenewalOpportunity" r ON r."originalDealId" = d.id
    CROSS JOIN LATERAL (SELECT coalesce(d."contractStart", d."closeDate") AS start,
                               (coalesce(d."contractStart", d."closeDate") + make_interval(months => d."termMonths"))::date AS renewal) e
    CROSS JOIN LATERAL (VALUES (1, 'HANDOFF_CALL', e.start + 2), (2, 'KICKOFF', e.start + 7), (3, 'TRAINING', e.start + 21),
                               (4, 'GO_LIVE', e.start + 45), (5, 'CHECK_IN', e.start + 60), (6, 'QBR', e.start + 90),
                               (7, 'HEALTH_CHECK', e.start + 120), (8, 'RENEWAL_PLANNING', e.renewal - 90),
                               (9, 'RENEWAL_CALL', e.renewal - 60), (10, 'RENEWAL_CLOSE', e.renewal - 30)) t(i, type, due)
    CROSS JOIN LATERAL (SELECT CASE WHEN t.due >= CURRENT_DATE THEN 'PLANNED' WHEN ${rand("hashtext(d.id)::bigint * 16 + t.i", 25)} < 0.03 THEN 'CANCELLED'
                                    WHEN ${rand("hashtext(d.id)::bigint * 16 + t.i", 25)} < 0.08 THEN 'PLANNED' ELSE 'DONE' END AS status) st
    WHERE d.stage = 'CLOSED_WON' AND (t.i > 1 OR d.type IN ('NEW', 'EXPANSION'));
    -- Recurring check-ins outside any deal's schedule, up to ${TOUCHPOINTS.toLocaleString("en-US")} touchpoints in all.
    INSERT INTO "Touchpoint" (id, "accountId", type, "dueDate", "ruleDate", "ownerId", status, "completedAt", "createdAt")
    SELECT 'bench_tpc_' || g, p.id, 'CHECK_IN', c.due, c.due, a."csmId",
           CASE WHEN c.due >= CURRENT_DATE THEN 'PLANNED' ELSE 'DONE' END::"TouchpointStatus",
           CASE WHEN c.due < CURRENT_DATE THEN c.due + time '10:00' END, p.signed + time '09:00'
    FROM generate_series(1, greatest(0, ${TOUCHPOINTS} - (SELECT count(*) FROM "Touchpoint"))::int) g
    JOIN bench_plan p ON p.n = 1 + (g - 1) % ${ACCOUNTS}
    JOIN "Account" a ON a.id = p.id
    CROSS JOIN LATERAL (SELECT greatest(p.signed + 30, CURRENT_DATE + 45 - ((g - 1) / ${ACCOUNTS}) * 35 - p.n % 20) AS due) c;`,
  ],
  [
    "risk assessments",
    // One at closed-won, then health updates (ASSESSMENTS, riskLevel).
    `
    INSERT INTO "RiskAssessment" (id, "accountId", "dealId", overall, factors, trigger, "createdById", "createdAt")
    SELECT 'bench_ra_' || p.n || '_' || k, p.id, 'bench_deal_' || p.n || '_0', l.level::"RiskLevel",
           jsonb_build_array(
             jsonb_build_object('factor', 'implementation_complexity', 'label', 'Implementation complexity', 'level', 'LOW', 'reason', 'Standard setup', 'mitigation', ''),
             jsonb_build_object('factor', 'stakeholder_turnover', 'label', 'Stakeholder turnover', 'level', 'LOW', 'reason', 'Champion and buyer named', 'mitigation', ''),
             jsonb_build_object('factor', 'competitive_threat', 'label', 'Competitive threat', 'level', 'LOW', 'reason', 'No competitor named', 'mitigation', ''),
             jsonb_build_object('factor', 'contract_structure', 'label', 'Contract structure', 'level', 'LOW', 'reason', '12-month term', 'mitigation', ''),
             jsonb_build_object('factor', 'usage_prediction', 'label', 'Usage prediction', 'level', l.level, 'reason', 'Usage against plan',
                                'mitigation', CASE WHEN l.level = 'LOW' THEN '' ELSE 'Plan an adoption session' END)),
           CASE WHEN k = 1 THEN 'closed_won' ELSE 'health_update' END, CASE WHEN k = 1 THEN NULL ELSE a."csmId" END,
           (p.signed + (k - 1) * p.tenure / c.count) + time '12:00'
    FROM bench_plan p
    JOIN "Account" a ON a.id = p.id
    CROSS JOIN LATERAL (SELECT ${ASSESSMENTS("p.n")} AS count) c
    CROSS JOIN LATERAL generate_series(1, c.count) k
    CROSS JOIN LATERAL (SELECT ${riskLevel("p.n", "k")} AS level) l;`,
  ],
  [
    "policy steps",
    // The four steps of every handoff: all done on a completed one, the meeting done on an open one.
    `
    INSERT INTO "HandoffPolicyStep" (id, "handoffId", step, "completedAt", "completedById", "updatedAt")
    SELECT 'bench_ps_' || substr(h.id, 10) || '_' || s.i, h.id, s.step::"PolicyStep",
           CASE WHEN h."completedAt" IS NOT NULL OR s.i = 1 THEN h."startedAt" + make_interval(hours => s.i * 6) END,
           CASE WHEN h."completedAt" IS NOT NULL OR s.i = 1 THEN d."ownerId" END, now()
    FROM "Handoff" h
    JOIN "Deal" d ON d.id = h."dealId"
    CROSS JOIN (VALUES (1, 'HANDOFF_MEETING'), (2, 'CLIENT_INTRODUCTION'), (3, 'DOCUMENTATION_TRANSFER'), (4, 'ACCOUNT_SETUP')) s(i, step);`,
  ],
  [
    "notifications",
    // 100 per user over the last months, the older ones read.
    `
    INSERT INTO "Notification" (id, "userId", kind, title, body, link, "readAt", "dedupeKey", "createdAt")
    SELECT 'bench_nt_' || u.id || '_' || k, u.id, (ARRAY['renewal_alert', 'handoff_overdue', 'assignment.approved', 'expansion_identified'])[1 + k % 4],
           (ARRAY['Renewal in 60 days', 'Handoff overdue', 'Assignment approved', 'Expansion identified'])[1 + k % 4] || ': Company ' || ${ACC_PAD(`(1 + (k * 97 + length(u.id)) % ${ACCOUNTS})::text`)},
           '', '/renewals', CASE WHEN k > 8 THEN now() - make_interval(hours => k * 7 - 3) END, 'bench:' || u.id || ':' || k,
           now() - make_interval(hours => k * 7)
    FROM "User" u
    CROSS JOIN generate_series(1, 100) k;`,
  ],
  [
    "audit events",
    // Who did what: each deal closed won (its owner), each handoff completed (the AE), each assignment decided (the manager).
    `
    INSERT INTO "AuditEvent" (at, "actorId", action, "entityType", "entityId", data)
    SELECT d."closedWonAt", d."ownerId", 'deal.closed_won', 'Deal', d.id, jsonb_build_object('accountId', d."accountId")
    FROM "Deal" d WHERE d.stage = 'CLOSED_WON';
    INSERT INTO "AuditEvent" (at, "actorId", action, "entityType", "entityId", data)
    SELECT h."completedAt", d."ownerId", 'handoff.completed', 'Handoff', h.id, jsonb_build_object('accountId', h."accountId")
    FROM "Handoff" h JOIN "Deal" d ON d.id = h."dealId" WHERE h."completedAt" IS NOT NULL;
    INSERT INTO "AuditEvent" (at, "actorId", action, "entityType", "entityId", data)
    SELECT ca."decidedAt", ca."decidedById", CASE WHEN ca.status = 'APPROVED' THEN 'assignment.approved' ELSE 'assignment.overridden' END,
           'CsmAssignment', ca.id, jsonb_build_object('accountId', ca."accountId", 'csmId', ca."chosenCsmId")
    FROM "CsmAssignment" ca WHERE ca."decidedAt" IS NOT NULL;`,
  ],
  ["clean up", `DROP TABLE bench_plan;`],
  // The renewal forecast's calls, checkpoints and a year of weekly snapshots (issue 12 §7).
  ...FORECAST_FILL,
];

async function main(): Promise<void> {
  const url = benchDatabaseUrl(process.argv.slice(2), scaledBenchDatabase(SCALE));
  const started = performance.now();
  const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
  // `--from <step>` resumes a run that stopped there (each step is one transaction, so a failed one left nothing):
  // the database is kept as it is and the steps before it are skipped.
  const fromIndex = process.argv.indexOf("--from");
  const first = fromIndex < 0 ? 0 : STEPS.findIndex(([label]) => label === process.argv[fromIndex + 1]);
  if (first < 0) throw new Error(`--from needs a step's name: ${STEPS.map(([label]) => label).join(", ")}`);
  if (fromIndex < 0) {
    await recreateBenchDatabase(url);
    const applied = await migrate(url);
    console.log(`${new URL(url).pathname.slice(1)}: recreated, ${applied.length} migration(s) applied (${seconds(started)})`);
  } else console.log(`${new URL(url).pathname.slice(1)}: resuming at "${STEPS[first]![0]}"`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Index builds sort in memory, and the steps' hash joins and the rebuilds' aggregates at 10× stay off disk.
    await client.query(`SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'`);
    for (const [label, sql] of STEPS.slice(first)) {
      const at = performance.now();
      try {
        if (WITH_TRIGGERS.has(label)) {
          await client.query(sql);
          console.log(`  ${label.padEnd(22)} ${seconds(at)}`);
          continue;
        }
        await client.query(`BEGIN; SET LOCAL session_replication_role = replica`);
        const tables = insertedTables(sql);
        const indexes = await dropIndexes(client, tables);
        await client.query(sql);
        const indexed = performance.now();
        for (const create of indexes) await client.query(create);
        // The steps after it are planned on the rows it wrote (autovacuum may be off, and is slower than the next step).
        for (const table of tables) await client.query(`ANALYZE "${table}"`);
        await client.query(`COMMIT`);
        console.log(`  ${label.padEnd(22)} ${seconds(at)}${indexes.length > 0 ? ` (${indexes.length} indexes rebuilt in ${seconds(indexed)})` : ""}`);
      } catch (error) {
        // The step's name is what `--from` takes to resume there (its transaction left nothing).
        throw new Error(`step "${label}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const rebuilt = performance.now();
    // Statistics first: with autovacuum off (as on some servers) the rebuilds below were planned on tables PostgreSQL
    // had never analyzed, and the measure summaries' rebuild ran past 7 minutes instead of 28 s.
    await client.query(`ANALYZE`);
    await client.query(`SELECT dashboard_rebuild_summaries()`);
    // The CSM book counters likewise: the accounts' counter trigger was off while their CSMs and book ARR were written.
    await client.query(`SELECT csm_book_rebuild()`);
    // And the measure summaries (renewals per day, handoffs per hour, CSM load, expansion pipeline, AE expansion credit,
    // the ARR bridge's losses by reason), from the final rows.
    await client.query(`SELECT dashboard_measure_summaries_rebuild()`);
    console.log(`  ${"dashboard summaries".padEnd(22)} ${seconds(rebuilt)}`);
    const analyzed = performance.now();
    await client.query(`VACUUM ANALYZE`);
    console.log(`  ${"vacuum analyze".padEnd(22)} ${seconds(analyzed)}`);
    const counts = await client.query<{ table: string; rows: string }>(`
      SELECT 'Account' AS table, count(*)::text AS rows FROM "Account" UNION ALL
      SELECT 'User (CSM)', count(*)::text FROM "User" WHERE role = 'CSM' UNION ALL
      SELECT 'User (AE)', count(*)::text FROM "User" WHERE role = 'AE' UNION ALL
      SELECT 'Deal', count(*)::text FROM "Deal" UNION ALL
      SELECT 'ArrMovement', count(*)::text FROM "ArrMovement" UNION ALL
      SELECT 'RenewalOpportunity', count(*)::text FROM "RenewalOpportunity" UNION ALL
      SELECT 'Handoff', count(*)::text FROM "Handoff" UNION ALL
      SELECT 'Contact', count(*)::text FROM "Contact" UNION ALL
      SELECT 'CsmAssignment', count(*)::text FROM "CsmAssignment" UNION ALL
      SELECT 'Touchpoint', count(*)::text FROM "Touchpoint" UNION ALL
      SELECT 'RiskAssessment', count(*)::text FROM "RiskAssessment" UNION ALL
      SELECT 'RenewalForecast', count(*)::text FROM "RenewalForecast" UNION ALL
      SELECT 'ForecastCheckpoint', count(*)::text FROM "ForecastCheckpoint" UNION ALL
      SELECT 'ForecastSnapshot', count(*)::text FROM "ForecastSnapshot" UNION ALL
      SELECT 'ClosedRenewalForecast', count(*)::text FROM "ClosedRenewalForecast" UNION ALL
      SELECT 'HandoffPolicyStep', count(*)::text FROM "HandoffPolicyStep" UNION ALL
      SELECT 'Notification', count(*)::text FROM "Notification" UNION ALL
      SELECT 'AuditEvent', count(*)::text FROM "AuditEvent"`);
    for (const row of counts.rows) console.log(`  ${row.table.padEnd(22)} ${Number(row.rows).toLocaleString("en-US")}`);
    const negative = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM "Account" WHERE "arrCents" < 0`);
    if (negative.rows[0]?.count !== "0") throw new Error(`${negative.rows[0]?.count} accounts ended with negative ARR`);
    const bookless = await client.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM "User" u WHERE u.role = 'CSM' AND NOT EXISTS (SELECT 1 FROM "Account" a WHERE a."csmId" = u.id)`,
    );
    if (bookless.rows[0]?.count !== "0") throw new Error(`${bookless.rows[0]?.count} CSMs have no accounts`);
    // The columns the bulk steps wrote in place of their BEFORE triggers hold what those triggers' functions give.
    const checked = performance.now();
    const derived = await client.query<{ column: string; rows: string }>(`
      SELECT 'Account.bookArrCents' AS column, count(*)::text AS rows FROM "Account" WHERE "bookArrCents" IS DISTINCT FROM account_book_arr(id, "arrCents") UNION ALL
      SELECT 'Account.bookCsmId', count(*)::text FROM "Account" WHERE "bookCsmId" IS DISTINCT FROM account_book_csm(id, "csmId") UNION ALL
      SELECT 'Account.originalAeId', count(*)::text FROM "Account" WHERE "originalAeId" IS DISTINCT FROM account_original_ae(id) UNION ALL
      SELECT 'Deal.contractEnd', count(*)::text FROM "Deal"
        WHERE "contractEnd" IS DISTINCT FROM (coalesce("contractStart", "closeDate") + make_interval(months => "termMonths"))::date UNION ALL
      SELECT 'Deal.actionOrder', count(*)::text FROM "Deal" WHERE "actionOrder" IS DISTINCT FROM
        CASE WHEN stage IN ('CLOSED_WON', 'CLOSED_LOST') THEN 10000000 - ("closeDate" - DATE '2000-01-01') ELSE "closeDate" - DATE '2000-01-01' END UNION ALL
      SELECT 'RenewalOpportunity.actionOrder', count(*)::text FROM "RenewalOpportunity" WHERE "actionOrder" IS DISTINCT FROM
        CASE WHEN stage IN ('CLOSED_WON', 'CLOSED_LOST') THEN 10000000 - ("renewalDate" - DATE '2000-01-01') ELSE "renewalDate" - DATE '2000-01-01' END UNION ALL
      SELECT 'RenewalOpportunity.riskLevel', count(*)::text FROM "RenewalOpportunity" WHERE "riskLevel" IS DISTINCT FROM account_current_risk("accountId") UNION ALL
      SELECT 'Handoff.ownerId', count(*)::text FROM "Handoff" h JOIN "Deal" d ON d.id = h."dealId" WHERE h."ownerId" IS DISTINCT FROM d."ownerId"`);
    const wrong = derived.rows.filter((row) => row.rows !== "0");
    if (wrong.length > 0) throw new Error(`Columns that differ from their triggers' functions: ${wrong.map((row) => `${row.column} (${row.rows} rows)`).join(", ")}`);
    console.log(`  ${"derived columns".padEnd(22)} agree with their triggers' functions (${seconds(checked)})`);
  } finally {
    await client.end();
  }
  console.log(`Company generated in ${seconds(started)}. Run: npm run bench:dashboard`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
