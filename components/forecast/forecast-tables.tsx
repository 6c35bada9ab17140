import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import type { AccuracyGroup } from "@/lib/server/forecast/get-forecast";
import { CHANGE_LABELS, type Waterfall } from "@/lib/forecast/changes";
import type { RollUpRow } from "@/lib/forecast/page-rows";
import { retentionRates, type RollUpNode, type Sums } from "@/lib/forecast/retention";
import { formatCentsWhole } from "@/lib/format";

// The forecast page's read-only tables: thin renderers of figures computed in lib/forecast.

const pct = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)}%`);
const money = (cents: bigint) => formatCentsWhole(cents);
const signed = (cents: bigint) => (cents > 0n ? `+${money(cents)}` : cents < 0n ? `−${money(-cents)}` : money(0n));

function rollUpCells({ node, depth, expanded }: RollUpRow, csmHref: (id: string | null) => string | null, teamHref: (team: RollUpNode, open: boolean) => string): React.ReactNode[] {
  const s: Sums = node.sums;
  const href = depth === 2 ? csmHref(node.id) : null;
  const name =
    depth === 0 ? (
      <strong>{node.name}</strong>
    ) : depth === 1 ? (
      <span>
        <span className="font-medium">{node.name}</span>{" "}
        <Link href={teamHref(node, !expanded)} className="text-sm text-brand-700 underline">
          {expanded ? "Hide its CSMs" : `Show its ${node.children.length} ${node.children.length === 1 ? "CSM" : "CSMs"}`}
        </Link>
      </span>
    ) : (
      <span className="pl-4">{node.name}</span>
    );
  return [
    href ? <Link href={href} className="text-brand-700 underline">{name}</Link> : name,
    `${money(s.dueCents)} (${s.renewals})`,
    money(s.buckets.COMMIT.cents),
    money(s.buckets.BEST_CASE.cents),
    money(s.buckets.PIPELINE.cents),
    money(s.buckets.AT_RISK.cents),
    money(s.buckets.CLOSED_WON.cents),
    pct(retentionRates(s).nrrPct),
  ];
}

export function RollUpTable({ rows, csmHref, teamHref }: { rows: RollUpRow[]; csmHref: (id: string | null) => string | null; teamHref: (team: RollUpNode, open: boolean) => string }) {
  return (
    <SimpleTable
      caption="Forecast roll-up: company, managers, CSMs"
      headers={["Team", "Due", "Commit", { label: "Best case", priority: "secondary" }, { label: "Pipeline", priority: "secondary" }, "At risk", { label: "Closed won", priority: "optional" }, { label: "Forecast NRR", priority: "optional" }]}
      rows={rows.map((row) => rollUpCells(row, csmHref, teamHref))}
    />
  );
}

export function WaterfallTable({ waterfall }: { waterfall: Waterfall }) {
  const rows: React.ReactNode[][] = [["Last week's forecast", "", money(waterfall.lastWeekCents)]];
  for (const bucket of waterfall.buckets) rows.push([CHANGE_LABELS[bucket.kind], String(bucket.renewals), signed(bucket.deltaCents)]);
  rows.push([<strong key="now">This week&apos;s forecast</strong>, "", <strong key="now-amount">{money(waterfall.thisWeekCents)}</strong>]);
  return <SimpleTable caption="Changes since last week" headers={["Change", "Renewals", "Forecast"]} rows={rows} />;
}

export function AccuracyTable({ caption, groups }: { caption: string; groups: AccuracyGroup[] }) {
  return (
    <SimpleTable
      caption={caption}
      headers={["Who", "Closed", "Accuracy 90 days out", "Accuracy 30 days out", { label: "Late surprises", priority: "secondary" }, { label: "Baton's Brier score", priority: "secondary" }]}
      rows={groups.map((group) => [group.name, String(Math.max(group.at90.renewals, group.at30.renewals)), pct(group.at90.accuracyPct), pct(group.at30.accuracyPct), String(group.lateSurprises), group.brier === null ? "—" : group.brier.toFixed(3)])}
    />
  );
}
