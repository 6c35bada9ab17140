import type { RollUpNode } from "@/lib/forecast/retention";
import type { Shown } from "@/lib/paging";

// What the forecast page prints of its company-wide lists. At company scale the roll-up has 1,000 CSM rows, the
// accuracy table as many, and a quarter's losses name hundreds of accounts: printed whole the page was 8.8 MB of
// HTML. The page shows the teams, one team's CSMs at a time, and the first few of each list with how many more
// there are; the CSV export and the cuts (CSM, AE, segment) reach the rest.

export const ACCOUNTS_PER_REASON = 10;
export const SURPRISES_SHOWN = 20;
export const CSMS_SHOWN = 25;

/** A manager row's key in the URL (`team=`): its id, or "none" for the CSMs without a manager. */
export const teamKey = (node: RollUpNode) => node.id ?? "none";

export interface RollUpRow {
  node: RollUpNode;
  depth: 0 | 1 | 2;
  /** A team row: whether its CSMs are shown (null for the company and CSM rows). */
  expanded: boolean | null;
}

/** The company, its teams, and the CSMs of the team opened by `team` — every team's when there is only one. */
export function rollUpRows(tree: RollUpNode, team: string | undefined): RollUpRow[] {
  const rows: RollUpRow[] = [{ node: tree, depth: 0, expanded: null }];
  const single = tree.children.length === 1;
  for (const manager of tree.children) {
    const expanded = single || teamKey(manager) === team;
    rows.push({ node: manager, depth: 1, expanded });
    if (expanded) for (const csm of manager.children) rows.push({ node: csm, depth: 2, expanded: null });
  }
  return rows;
}

interface ClosedCounts {
  key: string;
  name: string;
  at90: { renewals: number };
  at30: { renewals: number };
}

const closed = (group: ClosedCounts) => Math.max(group.at90.renewals, group.at30.renewals);

/**
 * The CSMs of the accuracy table: the opened team's (all of them), otherwise the CSMs with the most closed renewals
 * (ties by name), `limit` of them. `count`: how many CSM groups there are, when `byCsm` holds only the ones that can
 * be shown (the summaries' read: the team's, or the first `limit` with the ties of the last).
 */
export function accuracyCsms<T extends ClosedCounts>(byCsm: readonly T[], tree: RollUpNode, team: string | undefined, count = byCsm.length, limit = CSMS_SHOWN): Shown<T> & { team: string | null } {
  const opened = tree.children.find((manager) => teamKey(manager) === team);
  if (opened) {
    const members = new Set(opened.children.map((csm) => csm.id ?? ""));
    return { items: byCsm.filter((group) => members.has(group.key)), more: 0, team: opened.name };
  }
  const ranked = [...byCsm].sort((a, b) => closed(b) - closed(a) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  const items = ranked.slice(0, limit);
  return { items, more: Math.max(0, count - items.length), team: null };
}
