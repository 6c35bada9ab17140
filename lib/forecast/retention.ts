import type { ForecastCategory, RenewalStage } from "@/lib/generated/prisma/enums";

// The quarter's forecast (issue 12 §4): renewals due in the quarter, what each is expected to renew at, and the roll-up
// CSM → manager → company. A closed renewal counts what it closed at (0 when lost); an open one its forecast amount;
// an Omitted one is kept out of the forecast (neither due nor expected).
//   forecast GRR = Σ min(expected, ARR up) / Σ ARR up      forecast NRR = Σ expected / Σ ARR up
//   NRR without uplifts takes each renewal's contractual uplift out of any growth it is expected to bring.

export interface ForecastRow {
  renewalId: string;
  stage: RenewalStage;
  /** ARR up for renewal. */
  baseCents: bigint;
  /** The contractual uplift a flat renewal adds. */
  upliftCents: bigint;
  closedAmountCents: bigint | null;
  /** The forecast in force (the override, else the CSM's call, else Pipeline flat). */
  category: ForecastCategory;
  amountCents: bigint;
  csmId: string | null;
  csmName: string | null;
  managerId: string | null;
  managerName: string | null;
}

export type Bucket = "COMMIT" | "BEST_CASE" | "PIPELINE" | "AT_RISK" | "OMITTED" | "CLOSED_WON" | "CLOSED_LOST";

export interface Sums {
  renewals: number;
  /** ARR up for renewal of every renewal due (the "renewals due" the categories are read against). */
  dueCents: bigint;
  buckets: Record<Bucket, { renewals: number; cents: bigint }>;
  expectedCents: bigint;
  grossRetainedCents: bigint;
  /** Σ ARR up of renewals in the forecast (not Omitted). */
  forecastBaseCents: bigint;
  upliftExpectedCents: bigint;
}

const BUCKETS: Bucket[] = ["COMMIT", "BEST_CASE", "PIPELINE", "AT_RISK", "OMITTED", "CLOSED_WON", "CLOSED_LOST"];

export function bucketOf(row: Pick<ForecastRow, "stage" | "category">): Bucket {
  if (row.stage === "CLOSED_WON" || row.stage === "CLOSED_LOST") return row.stage;
  return row.category;
}

/** What the renewal is expected to renew at, or null when it is kept out of the forecast. */
export function expectedCents(row: Pick<ForecastRow, "stage" | "category" | "amountCents" | "closedAmountCents">): bigint | null {
  if (row.stage === "CLOSED_WON") return row.closedAmountCents ?? 0n;
  if (row.stage === "CLOSED_LOST") return 0n;
  return row.category === "OMITTED" ? null : row.amountCents;
}

export function emptySums(): Sums {
  return {
    renewals: 0,
    dueCents: 0n,
    buckets: Object.fromEntries(BUCKETS.map((bucket) => [bucket, { renewals: 0, cents: 0n }])) as Sums["buckets"],
    expectedCents: 0n,
    grossRetainedCents: 0n,
    forecastBaseCents: 0n,
    upliftExpectedCents: 0n,
  };
}

export function addRow(sums: Sums, row: ForecastRow): Sums {
  const bucket = bucketOf(row);
  const expected = expectedCents(row);
  sums.renewals += 1;
  sums.dueCents += row.baseCents;
  sums.buckets[bucket].renewals += 1;
  sums.buckets[bucket].cents += bucket === "CLOSED_WON" ? (row.closedAmountCents ?? 0n) : bucket === "CLOSED_LOST" ? row.baseCents : row.amountCents;
  if (expected !== null) {
    sums.expectedCents += expected;
    sums.grossRetainedCents += expected < row.baseCents ? expected : row.baseCents;
    sums.forecastBaseCents += row.baseCents;
    const growth = expected - row.baseCents;
    if (growth > 0n) sums.upliftExpectedCents += growth < row.upliftCents ? growth : row.upliftCents;
  }
  return sums;
}

export function sumRows(rows: readonly ForecastRow[]): Sums {
  return rows.reduce(addRow, emptySums());
}

export function mergeSums(parts: readonly Sums[]): Sums {
  const total = emptySums();
  for (const part of parts) {
    total.renewals += part.renewals;
    total.dueCents += part.dueCents;
    total.expectedCents += part.expectedCents;
    total.grossRetainedCents += part.grossRetainedCents;
    total.forecastBaseCents += part.forecastBaseCents;
    total.upliftExpectedCents += part.upliftExpectedCents;
    for (const bucket of BUCKETS) {
      total.buckets[bucket].renewals += part.buckets[bucket].renewals;
      total.buckets[bucket].cents += part.buckets[bucket].cents;
    }
  }
  return total;
}

export interface RetentionRates {
  grrPct: number | null;
  nrrPct: number | null;
  nrrWithoutUpliftPct: number | null;
}

/** Percent with one decimal (rounded down, like the dashboard's measures); null with nothing up for renewal. */
export function retentionRates(sums: Sums): RetentionRates {
  const base = sums.forecastBaseCents;
  if (base <= 0n) return { grrPct: null, nrrPct: null, nrrWithoutUpliftPct: null };
  const pct = (part: bigint) => Number((part * 1000n) / base) / 10;
  return { grrPct: pct(sums.grossRetainedCents), nrrPct: pct(sums.expectedCents), nrrWithoutUpliftPct: pct(sums.expectedCents - sums.upliftExpectedCents) };
}

export interface RollUpNode {
  id: string | null;
  name: string;
  sums: Sums;
  children: RollUpNode[];
}

export interface CsmSums {
  csmId: string | null;
  csmName: string | null;
  managerId: string | null;
  managerName: string | null;
  sums: Sums;
}

/** The rows summed per CSM (the leaves of the roll-up). */
export function sumsByCsm(rows: readonly ForecastRow[]): CsmSums[] {
  const groups = new Map<string, CsmSums>();
  for (const row of rows) {
    const key = `${row.managerId ?? ""}|${row.csmId ?? ""}`;
    const group = groups.get(key) ?? { csmId: row.csmId, csmName: row.csmName, managerId: row.managerId, managerName: row.managerName, sums: emptySums() };
    groups.set(key, group);
    addRow(group.sums, row);
  }
  return [...groups.values()];
}

/** Company ← managers ← CSMs, each node the sum of the rows under it (and so of its children). */
export function rollUp(rows: readonly ForecastRow[]): RollUpNode {
  return rollUpSums(sumsByCsm(rows));
}

/** The same tree from per-CSM sums (the page sums its rows in PostgreSQL). */
export function rollUpSums(groups: readonly CsmSums[]): RollUpNode {
  const managers = new Map<string, { id: string | null; name: string; csms: Map<string, { id: string | null; name: string; parts: Sums[] }> }>();
  for (const group of groups) {
    const managerKey = group.managerId ?? "";
    const manager = managers.get(managerKey) ?? { id: group.managerId, name: group.managerName ?? "No manager", csms: new Map() };
    managers.set(managerKey, manager);
    const csmKey = group.csmId ?? "";
    const csm = manager.csms.get(csmKey) ?? { id: group.csmId, name: group.csmName ?? "Unassigned", parts: [] };
    manager.csms.set(csmKey, csm);
    csm.parts.push(group.sums);
  }
  const byName = (a: RollUpNode, b: RollUpNode) => a.name.localeCompare(b.name);
  const managerNodes = [...managers.values()].map((manager) => {
    const csmNodes = [...manager.csms.values()].map((csm) => ({ id: csm.id, name: csm.name, sums: mergeSums(csm.parts), children: [] })).sort(byName);
    return { id: manager.id, name: manager.name, sums: mergeSums(csmNodes.map((node) => node.sums)), children: csmNodes };
  });
  managerNodes.sort(byName);
  return { id: null, name: "Company", sums: mergeSums(managerNodes.map((node) => node.sums)), children: managerNodes };
}

export interface TeamSums {
  managerId: string | null;
  managerName: string | null;
  sums: Sums;
}

/**
 * The same tree from per-team sums, with CSM children only for the teams whose CSMs were read (`members`: the page
 * shows one team's CSMs at a time, and reading every CSM's sums grows with the company).
 */
export function rollUpTeams(teams: readonly TeamSums[], members: readonly CsmSums[]): RollUpNode {
  const opened = new Map(rollUpSums(members).children.map((node) => [node.id ?? "", node.children]));
  const managerNodes = teams
    .map((team) => ({ id: team.managerId, name: team.managerName ?? "No manager", sums: team.sums, children: opened.get(team.managerId ?? "") ?? [] }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { id: null, name: "Company", sums: mergeSums(managerNodes.map((node) => node.sums)), children: managerNodes };
}
