import Link from "next/link";
import { detailsHref } from "@/components/dashboard/links";
import { SimpleTable } from "@/components/ui/simple-table";
import type { DashboardParams } from "@/lib/dashboard/params";
import { formatCents } from "@/lib/format";
import type { Dashboard } from "@/lib/server/dashboard/get-dashboard";

const addressableLabel = (value: boolean | null) => (value === null ? "Not recorded" : value ? "Addressable" : "Not addressable");

/** Starting ARR + new + expansion − contraction − churn = ending ARR, each term linking to its movements. */
export function ArrBridgeSection({ dashboard, params }: { dashboard: Dashboard; params: DashboardParams }) {
  const { bridge, definitions } = dashboard;
  const term = (focus: string) => detailsHref("bridge-movements", params, { focus });
  const lines: [string, string, bigint, string | null][] = [
    ["Starting ARR", "", bridge.startingCents, null],
    ["New", "+", bridge.newCents, term("NEW")],
    ["Expansion", "+", bridge.expansionCents, term("EXPANSION")],
    ["Contraction", "−", bridge.contractionCents, term("CONTRACTION")],
    ["Churn", "−", bridge.churnCents, term("CHURN")],
    ["Ending ARR", "=", bridge.endingCents, null],
  ];
  return (
    <section aria-labelledby="bridge-heading" className="space-y-3">
      <h2 id="bridge-heading" className="text-lg font-semibold">ARR bridge</h2>
      <p className="text-xs text-slate-500">{definitions.arrBridge}</p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
          <table className="w-full text-sm" data-testid="arr-bridge">
            <caption className="sr-only">ARR bridge</caption>
            <tbody className="divide-y divide-slate-100">
              {lines.map(([label, sign, cents, href]) => (
                <tr key={label} className={sign === "" || sign === "=" ? "font-semibold" : undefined}>
                  <th scope="row" className="py-1.5 text-left font-normal">{sign ? `${sign} ${label}` : label}</th>
                  <td className="py-1.5 text-right tabular-nums">
                    {href ? <Link href={href} className="underline" aria-label={`${label} ${formatCents(cents)}: the movements`}>{formatCents(cents)}</Link> : formatCents(cents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-sm">
            <Link href={detailsHref("bridge-movements", params)} className="underline">All movements in the period</Link>
          </p>
        </div>
        <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-medium">ARR lost by reason</h3>
          {bridge.losses.length === 0 ? (
            <p className="text-sm text-slate-600">No churn or contraction in this period.</p>
          ) : (
            <SimpleTable
              caption="ARR lost by reason"
              headers={["Reason", "Addressable", "Churn", "Contraction", "Accounts"]}
              rows={bridge.losses.map((loss) => [
                loss.reason ?? "No reason recorded",
                addressableLabel(loss.addressable),
                loss.type === "CHURN" ? formatCents(loss.amountCents) : "",
                loss.type === "CONTRACTION" ? formatCents(loss.amountCents) : "",
                loss.accounts,
              ])}
            />
          )}
        </div>
      </div>
    </section>
  );
}
