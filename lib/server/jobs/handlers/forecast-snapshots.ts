import "server-only";
import { prisma } from "@/lib/db";
import { weekStartOf } from "@/lib/forecast/week";
import { Prisma } from "@/lib/generated/prisma/client";
import { forecastContext } from "@/lib/server/forecast/context";
import { readForecastRows } from "@/lib/server/forecast/forecast-rows";

// The weekly snapshot (issue 12 §5): every open renewal's forecast in force and Baton's likelihood, filed under the
// Monday of the company week. One row per renewal per week (a unique index; ON CONFLICT DO NOTHING), so running it
// twice, or on every day of the week, keeps the first snapshot of the week.

export async function snapshotForecasts(now: Date): Promise<{ weekStart: Date; written: number }> {
  const context = await forecastContext(now);
  const weekStart = weekStartOf(context.today);
  const rows = await readForecastRows(Prisma.sql`r."stage" IN ('RENEWAL_PENDING', 'PLANNING', 'NEGOTIATION', 'COMMITTED')`, { ...context, settings: context.settings.forecast });
  let written = 0;
  // Batches keep each statement's parameter count well under PostgreSQL's limit at company scale.
  for (let start = 0; start < rows.length; start += 2_000) {
    const batch = rows.slice(start, start + 2_000);
    const result = await prisma.forecastSnapshot.createMany({
      data: batch.map((row) => ({
        renewalOpportunityId: row.id,
        weekStart,
        category: row.call.category,
        amountCents: row.call.amountCents,
        outcome: row.call.outcome,
        baseAmountCents: row.baseCents,
        likelihood: row.likelihood.score,
        csmId: row.csmId,
      })),
      skipDuplicates: true,
    });
    written += result.count;
  }
  return { weekStart, written };
}
