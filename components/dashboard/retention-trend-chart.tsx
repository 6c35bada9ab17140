"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendChartPoint {
  label: string;
  grr: number | null;
  nrr: number | null;
  logo: number | null;
}

const percent = (value: unknown) => (typeof value === "number" ? `${value.toFixed(1)}%` : "—");

/** GRR, NRR and logo retention per month (each a trailing 12-month window), with the GRR and NRR targets. */
export function RetentionTrendChart({ points, grrTarget, nrrTarget }: { points: TrendChartPoint[]; grrTarget: number; nrrTarget: number }) {
  const values = points.flatMap((point) => [point.grr, point.nrr, point.logo]).filter((value): value is number => value !== null);
  const low = Math.floor(Math.min(grrTarget, ...values, 100) / 10) * 10 - 5;
  const high = Math.ceil(Math.max(nrrTarget, ...values, 100) / 10) * 10 + 5;
  return (
    <div role="img" aria-label="Trend of gross, net and logo retention over 24 months" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis domain={[low, high]} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 11 }} width={48} />
          <Tooltip formatter={percent} />
          <Legend />
          <ReferenceLine y={grrTarget} stroke="#0f766e" strokeDasharray="4 4" label={{ value: `GRR target ${grrTarget}%`, fontSize: 10, position: "insideBottomLeft" }} />
          <ReferenceLine y={nrrTarget} stroke="#1d4ed8" strokeDasharray="4 4" label={{ value: `NRR target ${nrrTarget}%`, fontSize: 10, position: "insideTopLeft" }} />
          <Line type="monotone" dataKey="grr" name="GRR" stroke="#0f766e" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="nrr" name="NRR" stroke="#1d4ed8" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="logo" name="Logo retention" stroke="#9333ea" strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
