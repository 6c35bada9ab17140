"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** How many accounts reached first value in each band of days; bands beyond the target in red. */
export function TtfvChart({ buckets, targetDays }: { buckets: { label: string; accounts: number; max: number | null }[]; targetDays: number }) {
  return (
    <div role="img" aria-label="Distribution of days to first value" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={buckets} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
          <Tooltip />
          <Bar dataKey="accounts" name="Accounts" isAnimationActive={false}>
            {buckets.map((bucket) => (
              <Cell key={bucket.label} fill={bucket.max !== null && bucket.max <= targetDays ? "#0f766e" : "#dc2626"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The most loaded CSMs: load in percent of their limits, with the 100 % line. */
export function LoadChart({ csms }: { csms: { name: string; load: number }[] }) {
  return (
    <div role="img" aria-label="Load of the most loaded CSMs against their limits" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={csms} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" domain={[0, (max: number) => Math.max(110, Math.ceil(max / 10) * 10)]} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={120} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value: unknown) => (typeof value === "number" ? `${value.toFixed(0)}%` : "—")} />
          <ReferenceLine x={100} stroke="#dc2626" strokeDasharray="4 4" />
          <Bar dataKey="load" name="Load" isAnimationActive={false}>
            {csms.map((csm) => (
              <Cell key={csm.name} fill={csm.load > 100 ? "#dc2626" : csm.load >= 90 ? "#f59e0b" : "#0f766e"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A simple count per category (load buckets, pipeline stages). */
export function CountChart({ data, label, color = "#1d4ed8" }: { data: { label: string; value: number }[]; label: string; color?: string }) {
  return (
    <div role="img" aria-label={label} className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
          <Tooltip />
          <Bar dataKey="value" name={label} fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
