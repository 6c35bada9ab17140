"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type Features } from "@/components/data-table/data-table";
import { LoadMeter, type MeterThresholds } from "@/components/assignments/load-meter";

export interface RosterTableRow {
  userId: string;
  name: string;
  email: string;
  tier: string;
  segments: string;
  industries: string;
  products: string;
  certifications: string;
  region: string;
  timezone: string;
  languages: string;
  nps: string;
  retention: string;
  accounts: number;
  maxAccounts: number;
  arrDollars: number;
  maxArrDollars: number;
  arrText: string;
}

const helper = createColumnHelper<Features, RosterTableRow>();

function Wrap({ children }: { children: React.ReactNode }) {
  return <span className="block min-w-36 max-w-56 whitespace-normal">{children}</span>;
}

function columns(thresholds: MeterThresholds) {
  return helper.columns([
    helper.accessor("name", {
      id: "name",
      header: "CSM",
      cell: (info) => (
        <span>
          <span className="font-medium">{info.getValue()}</span>
          <span className="block text-xs text-slate-600">{info.row.original.email}</span>
        </span>
      ),
    }),
    helper.accessor("tier", { id: "tier", header: "Tier", meta: { priority: "secondary" } }),
    helper.accessor("accounts", {
      id: "load",
      header: "Accounts",
      cell: (info) => (
        <LoadMeter
          label="Accounts"
          accessibleName={`Accounts for ${info.row.original.name}`}
          value={info.getValue()}
          max={info.row.original.maxAccounts}
          valueText={`${info.getValue()} of ${info.row.original.maxAccounts} accounts`}
          thresholds={thresholds}
        />
      ),
    }),
    helper.accessor("arrDollars", {
      id: "arr",
      header: "ARR",
      meta: { priority: "secondary" },
      cell: (info) => (
        <LoadMeter
          label="ARR"
          accessibleName={`ARR for ${info.row.original.name}`}
          value={info.getValue()}
          max={info.row.original.maxArrDollars}
          valueText={info.row.original.arrText}
          thresholds={thresholds}
        />
      ),
    }),
    helper.accessor("segments", { header: "Segments", meta: { priority: "optional" }, cell: (info) => <Wrap>{info.getValue()}</Wrap> }),
    helper.accessor("industries", { header: "Industries", meta: { priority: "optional" }, cell: (info) => <Wrap>{info.getValue()}</Wrap> }),
    helper.accessor("products", { header: "Product expertise", meta: { priority: "optional" }, cell: (info) => <Wrap>{info.getValue()}</Wrap> }),
    helper.accessor("certifications", { header: "Certifications", meta: { priority: "optional" }, cell: (info) => <Wrap>{info.getValue()}</Wrap> }),
    helper.accessor("region", { id: "region", header: "Region", meta: { priority: "optional" } }),
    helper.accessor("timezone", { header: "Timezone", meta: { priority: "optional" } }),
    helper.accessor("languages", { header: "Languages", meta: { priority: "optional" }, cell: (info) => <Wrap>{info.getValue()}</Wrap> }),
    helper.accessor("nps", { id: "nps", header: "NPS", meta: { priority: "optional" } }),
    helper.accessor("retention", { id: "retention", header: "Retention", meta: { priority: "optional" } }),
  ]);
}

export function RosterTable({ rows, thresholds }: { rows: RosterTableRow[]; thresholds: MeterThresholds }) {
  return (
    <DataTable
      caption="CSM roster"
      columns={columns(thresholds)}
      data={rows}
      sortable={["name", "tier", "load", "arr", "region", "nps", "retention"]}
      getRowId={(row) => row.userId}
      emptyMessage="No CSMs match these filters."
    />
  );
}
