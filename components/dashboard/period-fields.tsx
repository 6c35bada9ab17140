"use client";

import { useState } from "react";
import { PERIOD_LABELS, PERIOD_PRESETS, monthKey, resolvePeriod, type PeriodPreset } from "@/lib/dashboard/period";
import { parseIsoDate } from "@/lib/dates";

const field = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";
const label = "block text-sm font-medium text-slate-700";

/**
 * The period picker: choosing a preset shows its months in From/To, and editing From/To makes it a custom range. The
 * To month cannot pass the running month (no period ends after today); the server applies the same rules.
 */
export function PeriodFields({ idPrefix, preset, firstMonth, lastMonth, today }: { idPrefix: string; preset: PeriodPreset; firstMonth: number; lastMonth: number; today: string }) {
  const [state, setState] = useState({ preset, from: monthKey(firstMonth), to: monthKey(lastMonth) });
  const maxMonth = today.slice(0, 7);

  const choose = (next: PeriodPreset) => {
    if (next === "custom") return setState((current) => ({ ...current, preset: next }));
    const resolved = resolvePeriod(next, parseIsoDate(today));
    setState({ preset: next, from: monthKey(resolved.firstMonth), to: monthKey(resolved.lastMonth) });
  };
  const edit = (key: "from" | "to", value: string) => setState((current) => ({ ...current, preset: "custom", [key]: value }));

  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-period`} className={label}>Period</label>
        <select id={`${idPrefix}-period`} name="period" value={state.preset} onChange={(event) => choose(event.target.value as PeriodPreset)} className={field}>
          {PERIOD_PRESETS.map((value) => (
            <option key={value} value={value}>{PERIOD_LABELS[value]}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-from`} className={label}>From month</label>
        <input id={`${idPrefix}-from`} name="from" type="month" max={maxMonth} value={state.from} onChange={(event) => edit("from", event.target.value)} className={field} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-to`} className={label}>To month</label>
        <input id={`${idPrefix}-to`} name="to" type="month" max={maxMonth} value={state.to} onChange={(event) => edit("to", event.target.value)} className={field} />
      </div>
    </>
  );
}
