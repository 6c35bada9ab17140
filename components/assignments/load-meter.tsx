// A book's load against its limit, readable by assistive technology: role="meter" with its value in words.
// Shared by the review screen (server) and the roster table (client), so it has no hooks.

export interface MeterThresholds {
  /** Fractions of the limit (the scoring's capacity thresholds): amber above `medium`, red above `high`. */
  medium: number;
  high: number;
}

export function LoadMeter({
  label,
  accessibleName,
  value,
  max,
  valueText,
  thresholds,
  note,
}: {
  /** Shown above the bar, e.g. "Accounts". */
  label: string;
  /** The meter's name, e.g. "Accounts for Priya Patel". */
  accessibleName: string;
  value: number;
  max: number;
  valueText: string;
  thresholds: MeterThresholds;
  note?: string;
}) {
  const ratio = max > 0 ? value / max : 1;
  const tone = ratio >= 1 || ratio > thresholds.high ? "bg-red-600" : ratio > thresholds.medium ? "bg-amber-500" : "bg-emerald-600";
  return (
    <div className="min-w-40 space-y-1">
      <div className="flex justify-between gap-2 text-xs text-slate-600">
        <span>{label}</span>
        <span className="font-medium text-slate-800">{valueText}</span>
      </div>
      <div
        role="meter"
        aria-label={accessibleName}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={valueText}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full ${tone}`} style={{ width: `${Math.min(100, Math.max(0, ratio * 100)).toFixed(1)}%` }} />
      </div>
      {note ? <p className="text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}
