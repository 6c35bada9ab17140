"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import { saveProductAction } from "@/components/admin/product-actions";
import { DataTable, type Features } from "@/components/data-table/data-table";
import { Button } from "@/components/ui/button";
import type { ProductRow } from "@/lib/server/products/products";


type Saved = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

function useSave() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<Saved | null>(null);
  const save = (input: Record<string, unknown>, after?: () => void) =>
    start(async () => {
      const saved = await saveProductAction(input);
      setResult(saved.ok ? { ok: true } : saved);
      if (saved.ok) {
        after?.();
        router.refresh();
      }
    });
  return { pending, result, save };
}

export function NewProductForm() {
  const { pending, result, save } = useSave();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        save({ name: data.get("name"), technical: data.get("technical") === "on" }, () => form.reset());
      }}
    >
      <div>
        <label htmlFor="product-name" className="block text-sm font-medium text-slate-700">Product name</label>
        <input id="product-name" name="name" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
      </div>
      <label className="inline-flex items-center gap-1 pb-1.5 text-sm">
        <input type="checkbox" name="technical" /> Technical (needs a certified CSM)
      </label>
      <Button type="submit" disabled={pending}>Add product</Button>
      {result && !result.ok ? <p role="alert" className="w-full text-sm text-red-700">{result.fieldErrors?.name?.[0] ? `Name ${result.fieldErrors.name[0]}` : result.error}</p> : null}
      {result?.ok ? <p role="status" className="w-full text-sm text-emerald-800">Product saved.</p> : null}
    </form>
  );
}

function RowEditor({ row }: { row: ProductRow }) {
  const { pending, result, save } = useSave();
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        save({ id: row.id, name: data.get("name"), technical: data.get("technical") === "on", active: data.get("active") === "on" });
      }}
    >
      <label className="sr-only" htmlFor={`product-${row.id}`}>{`Name of ${row.name}`}</label>
      <input id={`product-${row.id}`} name="name" defaultValue={row.name} className="rounded border border-slate-300 px-2 py-0.5 text-sm" />
      <label className="inline-flex items-center gap-1 text-xs">
        <input type="checkbox" name="technical" defaultChecked={row.technical} aria-label={`${row.name} is technical`} /> Technical
      </label>
      <label className="inline-flex items-center gap-1 text-xs">
        <input type="checkbox" name="active" defaultChecked={row.active} aria-label={`${row.name} is active`} /> Active
      </label>
      <button type="submit" disabled={pending} aria-label={`Save ${row.name}`} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100">
        Save
      </button>
      {result && !result.ok ? <span role="alert" className="text-xs text-red-700">{result.error}</span> : null}
    </form>
  );
}

const helper = createColumnHelper<Features, ProductRow>();
const columns = helper.columns([
  helper.display({ id: "name", header: "Product", cell: (info) => <RowEditor row={info.row.original} /> }),
  helper.accessor("deals", { header: "Deals" }),
  helper.accessor("certifiedCsms", { header: "Certified CSMs" }),
]);

export function ProductsTable({ rows }: { rows: ProductRow[] }) {
  return <DataTable caption="Products" columns={columns} data={rows} sortable={["name"]} getRowId={(row) => row.id} emptyMessage="No products yet." />;
}
