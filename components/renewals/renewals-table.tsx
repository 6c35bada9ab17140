"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";
import { StageControl } from "@/components/renewals/stage-control";
import type { RenewalStage } from "@/lib/generated/prisma/enums";

export interface RenewalTableRow {
  id: string;
  accountId: string;
  accountName: string;
  quarter: string;
  renewalDate: string;
  days: string;
  stage: RenewalStage;
  stageLabel: string;
  risk: string;
  csmName: string;
  segment: string;
  arr: string;
  amountCents: string;
  termMonths: number;
  canMove: boolean;
}

const helper = createColumnHelper<Features, RenewalTableRow>();

const riskTone: Record<string, string> = { High: "text-red-700 font-medium", Medium: "text-amber-700", Low: "text-emerald-700" };

const columnsFor = (lossReasons: string[], canOpen: boolean) => helper.columns([
  helper.accessor("accountName", {
    id: "account",
    header: "Account",
    meta: { wrap: true },
    cell: (info) => <Link className="text-brand-700 hover:underline" href={`/accounts/${info.row.original.accountId}`}>{info.getValue()}</Link>,
  }),
  helper.accessor("days", { header: "Days to renewal" }),
  helper.accessor("stageLabel", {
    id: "stage",
    header: "Stage",
    cell: (info) => {
      const row = info.row.original;
      return (
        <div className="space-y-1">
          <span>{info.getValue()}</span>
          {row.canMove ? (
            <StageControl renewalId={row.id} accountName={row.accountName} stage={row.stage} amountCents={row.amountCents} termMonths={row.termMonths} lossReasons={lossReasons} />
          ) : null}
        </div>
      );
    },
  }),
  helper.accessor("risk", {
    id: "risk",
    header: "Risk",
    meta: { priority: "secondary" },
    cell: (info) => <span className={riskTone[info.getValue()] ?? "text-slate-600"}>{info.getValue()}</span>,
  }),
  helper.accessor("arr", { id: "arr", header: "ARR", meta: { priority: "secondary" } }),
  helper.accessor("renewalDate", { id: "renewalDate", header: "Renewal date", meta: { priority: "secondary" } }),
  helper.accessor("csmName", { id: "csm", header: "CSM", meta: { priority: "optional" } }),
  helper.accessor("segment", { id: "segment", header: "Segment", meta: { priority: "optional" } }),
  helper.accessor("quarter", { header: "Quarter", meta: { priority: "optional" } }),
  // The renewal's own page (forecast, checkpoints, contract terms) is customer success's: AEs are refused it.
  ...(canOpen
    ? [
        helper.accessor("id", {
          id: "renewal",
          header: "Renewal",
          meta: { priority: "secondary" },
          cell: (info) => (
            <Link className="text-brand-700 hover:underline" href={`/renewals/${info.getValue()}`} aria-label={`Forecast and terms of the ${info.row.original.accountName} renewal`}>
              Forecast and terms
            </Link>
          ),
        }),
      ]
    : []),
]);

export function RenewalsTable({ rows, lossReasons, canOpen }: { rows: RenewalTableRow[]; lossReasons: string[]; canOpen: boolean }) {
  return (
    <DataTable
      caption="Renewal pipeline"
      columns={columnsFor(lossReasons, canOpen)}
      data={rows}
      sortable={["account", "renewalDate", "stage", "risk", "csm", "segment", "arr"]}
      getRowId={(row) => row.id}
      emptyMessage="No renewals match these filters."
    />
  );
}
