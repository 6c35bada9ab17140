import type { Metadata } from "next";
import Link from "next/link";
import { CloseWonButton } from "@/components/deals/close-won-button";
import { Panel } from "@/components/ui/panel";
import { FactList } from "@/components/ui/fact-list";
import { parseIsoDate } from "@/lib/dates";
import { formatDate, formatDateTimeInZone, formatMoney } from "@/lib/format";
import { previewCloseWon } from "@/lib/server/deals/mark-closed-won";
import { DEAL_STAGE_LABELS, HANDOFF_STATUS_LABELS, HANDOFF_TYPE_LABELS, SEGMENT_LABELS } from "@/lib/labels";
import { getDeal } from "@/lib/server/deals/get-deal";
import { loadPage, pageUser } from "@/lib/server/page-guard";
import { getSettings } from "@/lib/server/settings/get-settings";

export const metadata: Metadata = { title: "Deal" };

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser();
  const { deal, canMarkClosedWon } = await loadPage(() => getDeal(user, id));
  const preview = canMarkClosedWon ? await loadPage(() => previewCloseWon(user, deal.id)) : null;
  const timezone = preview?.timezone ?? (await getSettings()).calendar.timezone;
  const facts: [string, string][] = [
    ["Account", `${deal.account.name}${deal.account.strategic ? " (strategic)" : ""}`],
    ["Segment", SEGMENT_LABELS[deal.account.segment]],
    ["Stage", DEAL_STAGE_LABELS[deal.stage]],
    ["ARR", formatMoney(deal.amountCents)],
    ["Term", `${deal.termMonths} months`],
    ["Close date", formatDate(deal.closeDate)],
    ["Owner", deal.owner.name],
    ["Products", deal.products.map((p) => p.product.name).join(", ") || "—"],
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold">{deal.name}</h1>
        {preview ? (
          <CloseWonButton
            dealId={preview.dealId}
            dealName={preview.dealName}
            amount={formatMoney(preview.amountCents)}
            closeDate={preview.closeDate}
            closeDateText={formatDate(parseIsoDate(preview.closeDate))}
            contractStart={preview.contractStart && preview.contractStart >= preview.closeDate ? preview.contractStart : ""}
            handoffDue={formatDateTimeInZone(preview.handoffDueAt, preview.timezone)}
            renewalDate={formatDate(parseIsoDate(preview.renewalDate))}
          />
        ) : null}
      </div>
      <Panel title="Deal">
        <FactList facts={facts} />
      </Panel>
      <Panel title="Handoff">
        {deal.handoffs.length === 0 ? (
          <p className="text-slate-500">The handoff opens when the deal is marked closed-won.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {deal.handoffs.map((handoff) => (
              <li key={handoff.id}>
                <Link className="text-brand-700 hover:underline" href={`/handoffs/${handoff.id}`}>
                  {HANDOFF_TYPE_LABELS[handoff.type]} handoff — {HANDOFF_STATUS_LABELS[handoff.status]}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title="Meetings logged on this deal">
        {deal.meetings.length === 0 ? (
          <p className="text-slate-500">None yet.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {deal.meetings.map((meeting, index) => (
              <li key={index}>
                <span className="font-medium">{meeting.kind === "HANDOFF_MEETING" ? "Handoff meeting" : meeting.kind === "KICKOFF" ? "Kick-off" : "Handoff call"}</span>{" "}
                {formatDateTimeInZone(meeting.startsAt, timezone)} — {meeting.notes}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
