import { formatBusinessTimeLeft } from "@/lib/business-hours";
import { formatDateTime } from "@/lib/format";

export function ClockBanner({ dueAt, businessMsLeft, completedAt, withinSla, timezone, slaHours }: { dueAt: Date; businessMsLeft: number; completedAt: Date | null; withinSla: boolean | null; timezone: string; slaHours: number }) {
  if (completedAt) {
    return (
      <p className={`rounded-md px-3 py-2 text-sm ${withinSla ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}>
        Completed {formatDateTime(completedAt, timezone)} — {withinSla ? `within the ${slaHours}-hour SLA` : `after the ${slaHours}-hour SLA`}.
      </p>
    );
  }
  const overdue = businessMsLeft < 0;
  return (
    <p role="status" className={`rounded-md px-3 py-2 text-sm ${overdue ? "bg-red-50 font-semibold text-red-900" : "bg-brand-50 text-brand-900"}`}>
      {overdue ? "Overdue: " : ""}
      {formatBusinessTimeLeft(businessMsLeft)} of {slaHours} business hours · due {formatDateTime(dueAt, timezone)} ({timezone})
    </p>
  );
}
