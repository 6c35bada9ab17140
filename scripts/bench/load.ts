// `npm run bench:load` — signed-in users against the production build on the company-scale data of
// `npm run bench:generate` (database `baton_bench`, or `--url …`). It builds the app (unless `--skip-build`), starts
// `next start` on 127.0.0.1 (port 3211, `--port`), gives one user of each role a password and signs each in through
// the sign-in endpoint, then runs a fixed page-and-API mix with a bounded client of its own: N connections, each
// sending its next request when the previous one answered, for `--seconds` (default 30) at each level of
// `--connections` (default 10,100). Per page it prints requests, errors and p50 / p95 / p99; per level req/s,
// errors, the CPU seconds the Node server and PostgreSQL used (from /proc; every PostgreSQL process, parallel
// workers and those that ended included, so nothing else should run on the database server), and the server's memory.
// `--processes N` starts N web processes on consecutive ports over the one database (the web is stateless: sessions,
// jobs and caches live in PostgreSQL) and spreads the connections across them, as a load balancer would.
// `--sweep` first times each page alone: one connection, `--sweep-requests` (default 20) requests of one page
// after the other, p50 / p95 per page, and per request the database's transactions (each statement outside a
// transaction is one, so ≈ queries) and its active time (pg_stat_database; 10 s between pages for the backends to flush them),
// and the CPU time the (first) web process spent on it.
// Loopback only; it stops the servers when done. A benchmark, not a test: the machine's other load shows.
//
//   npm run bench:load
//   npm run bench:load -- --skip-build --seconds 10 --connections 10
//   npm run bench:load -- --skip-build --processes 2
//   npm run bench:load -- --skip-build --sweep --connections 10
//   npm run bench:load -- --skip-build --sizes      (only the HTML size of the list and dashboard pages, per role, and of the mix's pages)
//   npm run bench:load -- --skip-build --connections 10 --profile /tmp/prof   (a V8 CPU profile of each web process)
//   npm run bench:load -- --skip-build --floor --connections 10   (one page with no data instead of the mix: the framework's own cost)
//   npm run bench:load -- --skip-build --no-gzip   (pages without a browser's Accept-Encoding, as the figures before 2026-12-02)
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import bcrypt from "bcryptjs";
import pg from "pg";
import { hashTokenSecret } from "@/lib/api/token-secret";
import { run } from "../lib/run";
import { benchDatabaseUrl } from "./bench-database";

const PASSWORD = "bench-load-password";
const AUTH_SECRET = "bench-load-secret-bench-load-secret-0123";
const API_TOKEN = "baton_bench_load_token_secret_0000000000";
const CLOCK_TICKS = 100;

interface Options {
  url: string;
  port: number;
  seconds: number;
  levels: number[];
  build: boolean;
  processes: number;
  sweep: number;
  /** Print the HTML size of the list pages per role and stop (issue 15: pickers instead of every name). */
  sizes: boolean;
  /** A directory for each web process's V8 CPU profile (`--cpu-prof`), written when the server stops. */
  profile: string | null;
  /** Only the leader's calendar page (`/profile`: the layout and one form, no data) instead of the mix. */
  floor: boolean;
  /** Pages asked for with a browser's Accept-Encoding (the default; `--no-gzip` for the earlier figures' way). */
  gzip: boolean;
}

function options(args: readonly string[]): Options {
  const value = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const port = Number(value("--port") ?? 3211);
  const seconds = Number(value("--seconds") ?? 30);
  // `--connections none` with `--sweep`: the sweep alone.
  const given = value("--connections") ?? "10,100";
  const levels = given === "none" ? [] : given.split(",").map(Number);
  const processes = Number(value("--processes") ?? 1);
  if (!Number.isInteger(processes) || processes < 1 || processes > 8) throw new Error("--processes must be a whole number from 1 to 8");
  if (!Number.isInteger(port) || port < 1024) throw new Error("--port must be a port number above 1023");
  if (!(seconds > 0 && seconds <= 600)) throw new Error("--seconds must be between 1 and 600");
  if (levels.some((level) => !Number.isInteger(level) || level < 1 || level > 500)) throw new Error("--connections must be whole numbers from 1 to 500, e.g. 10,100");
  const sweep = args.includes("--sweep") ? Number(value("--sweep-requests") ?? 20) : 0;
  if (!Number.isInteger(sweep) || sweep < 0 || sweep > 1000) throw new Error("--sweep-requests must be a whole number from 1 to 1000");
  return { url: benchDatabaseUrl(args), port, seconds, levels, build: !args.includes("--skip-build"), processes, sweep, sizes: args.includes("--sizes"), profile: value("--profile") ?? null, floor: args.includes("--floor"), gzip: !args.includes("--no-gzip") };
}

// ── the mix ──

interface Target {
  label: string;
  path: string;
  headers: Record<string, string>;
}

const ROLE_USERS = {
  ae: "ae0@bench.test",
  csm: "csm0@bench.test",
  manager: "manager1@bench.test",
  leader: "leader@bench.test",
  admin: "admin@bench.test",
} as const;
type RoleKey = keyof typeof ROLE_USERS;

async function prepareUsers(db: pg.Client): Promise<{ handoffId: string; accountId: string; dealId: string }> {
  const hash = await bcrypt.hash(PASSWORD, 10);
  await db.query(`UPDATE "User" SET "passwordHash" = $1, active = true WHERE email = ANY($2)`, [hash, Object.values(ROLE_USERS)]);
  await db.query(`DELETE FROM "SignInThrottle"`);
  await db.query(
    `INSERT INTO "ApiToken" (id, name, "userId", role, "tokenHash", prefix, "createdById")
     SELECT 'bench_load_token', 'bench:load', id, 'ADMIN', $1, 'baton_bench_', id FROM "User" WHERE email = $2
     ON CONFLICT (id) DO UPDATE SET "tokenHash" = EXCLUDED."tokenHash", "revokedAt" = NULL`,
    [hashTokenSecret(API_TOKEN), ROLE_USERS.admin],
  );
  // The AE's newest handoff: the page the AE works on most.
  const handoff = await db.query<{ id: string; accountId: string; dealId: string }>(
    `SELECT h.id, h."accountId", h."dealId" FROM "Handoff" h JOIN "Deal" d ON d.id = h."dealId" JOIN "User" u ON u.id = d."ownerId"
     WHERE u.email = $1 ORDER BY h."startedAt" DESC LIMIT 1`,
    [ROLE_USERS.ae],
  );
  const row = handoff.rows[0];
  if (!row) throw new Error(`No handoff for ${ROLE_USERS.ae}: run npm run bench:generate first.`);
  return { handoffId: row.id, accountId: row.accountId, dealId: row.dealId };
}

function mix(cookies: Record<RoleKey, string>, ids: { handoffId: string; accountId: string; dealId: string }, opts: { gzip: boolean; floor: boolean }): Target[] {
  // As a browser asks, so the server gzips the page as it would for one (Next compresses in-process: 0–25 % of the
  // mix's throughput, run to run); `--no-gzip` leaves it out, as every figure before 2026-12-02 did.
  const encoding: Record<string, string> = opts.gzip ? { "accept-encoding": "gzip, deflate, br" } : {};
  const page = (role: RoleKey, label: string, path: string): Target => ({ label, path, headers: { cookie: cookies[role], ...encoding } });
  const api = (label: string, path: string): Target => ({ label, path, headers: { authorization: `Bearer ${API_TOKEN}` } });
  if (opts.floor) return [page("leader", "leader /profile (no data)", "/profile")];
  return [
    page("ae", "AE home /", "/"),
    page("ae", "AE /handoffs", "/handoffs"),
    page("ae", "AE /handoffs/[id]", `/handoffs/${ids.handoffId}`),
    page("ae", "AE /deals", "/deals"),
    page("csm", "CSM home /", "/"),
    page("csm", "CSM /book", "/book"),
    page("csm", "CSM /accounts", "/accounts"),
    page("manager", "manager home /", "/"),
    page("manager", "manager /assignments", "/assignments"),
    page("manager", "manager /renewals", "/renewals"),
    page("manager", "manager /handoffs/[id]", `/handoffs/${ids.handoffId}`),
    page("leader", "leader home /", "/"),
    page("leader", "leader /dashboard", "/dashboard"),
    page("admin", "admin /admin/users", "/admin/users"),
    page("admin", "admin /accounts/[id]", `/accounts/${ids.accountId}`),
    api("API GET /api/v1/renewals", "/api/v1/renewals?perPage=50"),
    api("API GET /api/v1/handoffs", "/api/v1/handoffs?perPage=50"),
  ];
}

/** The pages whose filters named every CSM and AE, for leadership and a CS manager. */
const SIZED_PAGES = ["/dashboard", "/renewals", "/forecast", "/deals"] as const;

async function printSizes(port: number, cookies: Record<RoleKey, string>, targets: readonly Target[]): Promise<void> {
  const agent = new http.Agent({ keepAlive: true });
  console.log(`${"page".padEnd(34)} ${"HTML bytes".padStart(10)}  <option>s`);
  const sized = (["leader", "manager"] as const).flatMap((role) => SIZED_PAGES.map((path) => ({ label: `${role} ${path}`, path, headers: { cookie: cookies[role] } })));
  // Then the mix's own pages and calls (uncompressed: the bytes rendered).
  for (const target of [...sized, ...targets.map((target) => ({ ...target, label: `mix: ${target.label}`, headers: { ...target.headers, "accept-encoding": "identity" } }))]) {
    const answer = await request(agent, port, "GET", target.path, target.headers);
    const options = answer.body.match(/<option\b/g)?.length ?? 0;
    console.log(`${target.label.padEnd(34)} ${String(Buffer.byteLength(answer.body)).padStart(10)}  ${String(options).padStart(9)}${answer.status === 200 ? "" : `  (HTTP ${answer.status})`}`);
  }
  agent.destroy();
}

// ── HTTP on loopback ──

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(agent: http.Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent, timeout: 120_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out after 120 s")));
    req.on("error", reject);
    req.end(body);
  });
}

function cookiesOf(answer: Answer): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of answer.headers["set-cookie"] ?? []) {
    const [pair] = line.split(";");
    const at = pair?.indexOf("=") ?? -1;
    if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return jar;
}

/** next-auth's own credentials flow: a CSRF token, then the form post; the session cookie comes back. */
async function signIn(agent: http.Agent, port: number, email: string): Promise<string> {
  const csrf = await request(agent, port, "GET", "/api/auth/csrf", {});
  const jar = cookiesOf(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: "/" }).toString();
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const answer = await request(agent, port, "POST", "/api/auth/callback/credentials", {
    "content-type": "application/x-www-form-urlencoded",
    "content-length": String(Buffer.byteLength(form)),
    cookie,
    origin: `http://127.0.0.1:${port}`,
  }, form);
  const session = [...cookiesOf(answer)].find(([name]) => name.endsWith("authjs.session-token"));
  if (!session) throw new Error(`Signing in ${email} failed (${answer.status} ${answer.headers.location ?? ""})`);
  return `${session[0]}=${session[1]}`;
}

// ── CPU and memory from /proc ──

/** The fields of /proc/<pid>/stat after the command name: [0] state, [1] parent, [11] utime … [14] cstime. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

function processTicks(pid: number): number {
  const fields = statFields(pid);
  return Number(fields[11]) + Number(fields[12]);
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(statFields(Number(entry))[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const all: number[] = [];
  const visit = (pid: number) => {
    all.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return all;
}

/** CPU seconds of a process and everything it started that is still running. */
function treeCpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of descendants(root)) {
    try {
      ticks += processTicks(pid);
    } catch {
      // ended
    }
  }
  return ticks / CLOCK_TICKS;
}

function serverRssMb(root: number): number {
  let kb = 0;
  for (const pid of descendants(root)) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // ended
    }
  }
  return kb / 1024;
}

/** The PostgreSQL server's main process on this machine (its command line is the binary), null when the database runs elsewhere. */
function findPostmaster(): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (/^(?:[^\0]*\/)?postgres\0/.test(readFileSync(`/proc/${entry}/cmdline`, "utf8"))) return Number(entry);
    } catch {
      // ended
    }
  }
  return null;
}

/**
 * CPU seconds PostgreSQL has used: its processes alive now and, in the postmaster's children's time, every one that
 * ended. Counting the bench database's live backends alone missed the parallel workers a query starts (their command
 * line names no database) and every backend that ended inside the window.
 */
function postgresCpuSeconds(postmaster: number): number {
  const fields = statFields(postmaster);
  return treeCpuSeconds(postmaster) + (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

// ── the run ──

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

interface PageStats {
  times: number[];
  errors: number;
  statuses: Map<number, number>;
}

async function load(ports: readonly number[], targets: Target[], connections: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const stats = new Map<string, PageStats>(targets.map((target) => [target.label, { times: [], errors: 0, statuses: new Map() }]));
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  // Each connection stays on one web process, the connections spread evenly over them.
  const worker = async (index: number) => {
    const port = ports[index % ports.length]!;
    while (performance.now() < deadline) {
      const target = targets[next++ % targets.length]!;
      const entry = stats.get(target.label)!;
      const started = performance.now();
      try {
        const answer = await request(agent, port, "GET", target.path, target.headers);
        entry.times.push(performance.now() - started);
        entry.statuses.set(answer.status, (entry.statuses.get(answer.status) ?? 0) + 1);
        if (answer.status !== 200) entry.errors += 1;
      } catch {
        entry.errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, index) => worker(index)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { stats, elapsed };
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : "—");

function report(level: number, processes: number, result: Awaited<ReturnType<typeof load>>, cpu: { node: number; database: number | null }, rss: { before: number; after: number }) {
  const all = [...result.stats.values()];
  const total = all.reduce((sum, entry) => sum + entry.times.length, 0);
  const errors = all.reduce((sum, entry) => sum + entry.errors, 0);
  console.log(`\n${level} connections${processes > 1 ? ` over ${processes} web processes` : ""}, ${result.elapsed.toFixed(1)} s: ${total} requests, ${(total / result.elapsed).toFixed(1)} req/s, ${errors} errors`);
  console.log(`CPU: Node server${processes > 1 ? "s" : ""} ${cpu.node.toFixed(1)} s, PostgreSQL ${cpu.database === null ? "— (not on this machine)" : `${cpu.database.toFixed(1)} s`} (of ${(result.elapsed * 2).toFixed(0)} s on 2 cores); server memory ${Math.round(rss.before)} → ${Math.round(rss.after)} MB`);
  console.log(`${"page".padEnd(32)} ${"requests".padStart(8)} ${"errors".padStart(6)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"p99 ms".padStart(7)}`);
  for (const [label, entry] of result.stats) {
    const sorted = [...entry.times].sort((a, b) => a - b);
    const odd = [...entry.statuses].filter(([status]) => status !== 200).map(([status, count]) => `${count}×${status}`).join(" ");
    console.log(
      `${label.padEnd(32)} ${String(entry.times.length).padStart(8)} ${String(entry.errors).padStart(6)} ${ms(percentile(sorted, 50)).padStart(7)} ${ms(percentile(sorted, 95)).padStart(7)} ${ms(percentile(sorted, 99)).padStart(7)}${odd ? `  (${odd})` : ""}`,
    );
  }
}

// ── the sweep: each page alone ──

interface DatabaseCounters {
  transactions: number;
  activeMs: number;
}

async function databaseCounters(db: pg.Client, database: string): Promise<DatabaseCounters> {
  // An idle backend flushes its statistics at once if its last flush is a second old, else within 10 s.
  await new Promise((resolve) => setTimeout(resolve, 10_500));
  const { rows } = await db.query<{ transactions: string; active: number }>(
    `SELECT xact_commit + xact_rollback AS transactions, active_time AS active FROM pg_stat_database WHERE datname = $1`,
    [database],
  );
  return { transactions: Number(rows[0]?.transactions ?? 0), activeMs: Number(rows[0]?.active ?? 0) };
}

async function sweep(port: number, targets: Target[], requests: number, url: string, database: string, nodeCpuSeconds: () => number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // The sweep's own connection counts one transaction per look; it is taken off.
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  console.log(`\nsweep: each page alone, ${requests} requests one after the other`);
  console.log(`${"page".padEnd(32)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"queries".padStart(8)} ${"DB ms".padStart(7)} ${"Node ms".padStart(8)}`);
  try {
    for (const target of targets) {
      const before = await databaseCounters(db, database);
      const nodeBefore = nodeCpuSeconds();
      const times: number[] = [];
      let errors = 0;
      for (let index = 0; index < requests; index += 1) {
        const started = performance.now();
        const answer = await request(agent, port, "GET", target.path, target.headers);
        times.push(performance.now() - started);
        if (answer.status !== 200) errors += 1;
      }
      const nodeMs = ((nodeCpuSeconds() - nodeBefore) * 1000) / requests;
      const after = await databaseCounters(db, database);
      times.sort((a, b) => a - b);
      const queries = (after.transactions - before.transactions - 1) / requests;
      const dbMs = (after.activeMs - before.activeMs) / requests;
      console.log(
        `${target.label.padEnd(32)} ${ms(percentile(times, 50)).padStart(7)} ${ms(percentile(times, 95)).padStart(7)} ${queries.toFixed(1).padStart(8)} ${dbMs.toFixed(1).padStart(7)} ${nodeMs.toFixed(1).padStart(8)}${errors ? `  (${errors} errors)` : ""}`,
      );
    }
  } finally {
    await db.end();
    agent.destroy();
  }
}

function waitForServer(port: number, server: ChildProcess): Promise<void> {
  const agent = new http.Agent();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (server.exitCode !== null) return reject(new Error("The server exited before it answered."));
      request(agent, port, "GET", "/login", {})
        .then((answer) => (answer.status < 500 ? resolve() : retry()))
        .catch(retry);
    };
    const retry = () => (Date.now() - started > 120_000 ? reject(new Error("The server did not answer within 120 s.")) : setTimeout(attempt, 500));
    attempt();
  });
}

async function main() {
  const opts = options(process.argv.slice(2));
  const database = decodeURIComponent(new URL(opts.url).pathname.slice(1));
  const env = { ...process.env, DATABASE_URL: opts.url, AUTH_SECRET: AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", NODE_ENV: "production" as const };
  await run("tsx", ["scripts/db/cli.ts", "migrate"], env);
  const db = new pg.Client({ connectionString: opts.url });
  await db.connect();
  const ids = await prepareUsers(db);
  await db.end();
  if (opts.build) await run("next", ["build"], env);

  const ports = Array.from({ length: opts.processes }, (_, index) => opts.port + index);
  const servers = ports.map((port) =>
    spawn(process.execPath, [...(opts.profile ? ["--cpu-prof", `--cpu-prof-dir=${opts.profile}`] : []), "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
      { env, stdio: ["ignore", "ignore", "inherit"], detached: true }),
  );
  const stop = () => {
    for (const server of servers) if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  const sum = (measure: (pid: number) => number) => servers.reduce((total, server) => total + measure(server.pid!), 0);
  const postmaster = findPostmaster();
  try {
    await Promise.all(servers.map((server, index) => waitForServer(ports[index]!, server)));
    // One sign-in per role serves every process: the session lives in the database.
    const agent = new http.Agent({ keepAlive: true });
    const cookies = {} as Record<RoleKey, string>;
    for (const role of Object.keys(ROLE_USERS) as RoleKey[]) cookies[role] = await signIn(agent, opts.port, ROLE_USERS[role]);
    agent.destroy();
    const targets = mix(cookies, ids, opts);
    if (opts.sizes) return await printSizes(opts.port, cookies, targets);
    console.log(
      `bench:load on ${database}: ${targets.length} pages and API calls, each role signed in; ${opts.seconds} s per level` +
        (opts.processes > 1 ? `; ${opts.processes} web processes (ports ${ports.join(", ")})` : "") + (opts.gzip ? "; pages gzipped as for a browser" : "; pages not compressed (--no-gzip)"),
    );
    // Warm-up: every page once on every process, so compilation caches and the database's buffers are not what is measured.
    for (const port of ports) await load([port], targets, 1, Math.min(10, opts.seconds));
    if (opts.sweep) await sweep(opts.port, targets, opts.sweep, opts.url, database, () => treeCpuSeconds(servers[0]!.pid!));
    for (const level of opts.levels) {
      const rssBefore = sum(serverRssMb);
      const nodeBefore = sum(treeCpuSeconds);
      const dbBefore = postmaster === null ? null : postgresCpuSeconds(postmaster);
      const result = await load(ports, targets, level, opts.seconds);
      const cpu = { node: sum(treeCpuSeconds) - nodeBefore, database: postmaster === null || dbBefore === null ? null : postgresCpuSeconds(postmaster) - dbBefore };
      report(level, opts.processes, result, cpu, { before: rssBefore, after: sum(serverRssMb) });
    }
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
