import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ForecastCategory, ForecastOutcome } from "@/lib/generated/prisma/enums";
import { checkpointDue, disagrees } from "@/lib/forecast/checkpoint";
import { DEFAULT_FORECAST_SETTINGS } from "@/lib/forecast/settings";
import { flatAmountCents } from "@/lib/forecast/terms";
import { addCalendarDaysUtc, weekStartOf } from "@/lib/forecast/week";
import { createRng, type Rng } from "@/lib/demo/random";
import { Prisma as P } from "@/lib/generated/prisma/client";
import { readForecastRows, type ForecastRenewal } from "@/lib/server/forecast/forecast-rows";

// The demo's forecast (issue 12 §7): contract terms on a share of open renewals, CSM calls with a few CS-manager
// overrides, checkpoints in every state, and a year of weekly snapshots — for renewals that closed since, too, so the
// accuracy table and the Brier score have numbers. Deterministic: the same seed and day give the same forecast.

const OVERRIDE_REASONS = ["Exec sponsor confirmed budget on the QBR call", "Procurement freeze announced; holding at risk", "Champion left last month", "Usage recovered after the training plan"];
const NEXT_STEPS = ["Send the renewal order form", "Hold the executive business review", "Agree pricing with procurement", "Run the usage review with the champion", "Confirm the multi-year option"];

function truthOf(renewal: ForecastRenewal): { category: ForecastCategory; amountCents: bigint; won: boolean } {
  if (renewal.stage === "CLOSED_LOST") return { category: "AT_RISK", amountCents: 0n, won: false };
  const closed = renewal.closedAmountCents ?? renewal.baseCents;
  return { category: closed < renewal.baseCents ? "BEST_CASE" : "COMMIT", amountCents: closed, won: true };
}

function openCall(rng: Rng, renewal: ForecastRenewal): { category: ForecastCategory; amountCents: bigint; outcome: ForecastOutcome } {
  const flat = flatAmountCents({ amountCents: renewal.baseCents, upliftPct: renewal.upliftPct });
  if (rng.chance(0.04)) return { category: "OMITTED", amountCents: flat, outcome: "FLAT" };
  // CSMs lean a notch more optimistic than Baton a third of the time: that is what the checkpoints are for.
  const baton = renewal.likelihood.category;
  const optimistic: Record<string, ForecastCategory> = { AT_RISK: "PIPELINE", PIPELINE: "BEST_CASE", BEST_CASE: "COMMIT", COMMIT: "COMMIT" };
  const category = rng.chance(0.33) ? optimistic[baton]! : baton;
  if (category === "AT_RISK") {
    return rng.chance(0.25) ? { category, amountCents: 0n, outcome: "CHURN" } : { category, amountCents: (renewal.baseCents * BigInt(rng.int(55, 85))) / 100n, outcome: "DOWNSELL" };
  }
  if (category === "COMMIT" && rng.chance(0.2)) return { category, amountCents: (flat * 110n) / 100n, outcome: "UPLIFT" };
  return { category, amountCents: flat, outcome: "FLAT" };
}

export async function seedForecast(prisma: PrismaClient, now: Date, today: Date): Promise<void> {
  const rng = createRng("baton-demo-v1:forecast");
  const settings = DEFAULT_FORECAST_SETTINGS;
  const context = { today, now, settings };
  const open = P.sql`r."stage" IN ('RENEWAL_PENDING', 'PLANNING', 'NEGOTIATION', 'COMMITTED')`;

  // Contract terms on a share of the open renewals.
  const terms = rng.fork("terms");
  for (const renewal of await readForecastRows(open, context, prisma)) {
    const noticeDays = terms.chance(0.35) ? terms.pick([30, 60, 90]) : null;
    const upliftPct = terms.chance(0.5) ? terms.pick([3, 5, 7]) : 0;
    const autoRenew = terms.chance(0.4);
    if (noticeDays === null && upliftPct === 0 && !autoRenew) continue;
    await prisma.renewalOpportunity.update({ where: { id: renewal.id }, data: { noticeDays, upliftPct, autoRenew } });
  }

  const rows = await readForecastRows(open, context, prisma);
  const calls = rng.fork("calls");
  const forecasts: Prisma.RenewalForecastCreateManyInput[] = [];
  const current = new Map<string, { category: ForecastCategory; amountCents: bigint; outcome: ForecastOutcome }>();
  for (const renewal of rows) {
    if (!renewal.csmId || calls.chance(0.2)) continue;
    const call = openCall(calls, renewal);
    const override = renewal.managerId && calls.chance(0.1)
      ? { overrideCategory: renewal.likelihood.category, overrideAmountCents: renewal.likelihood.category === "AT_RISK" ? (call.amountCents * 80n) / 100n : call.amountCents, overrideOutcome: (renewal.likelihood.category === "AT_RISK" ? "DOWNSELL" : call.outcome) as ForecastOutcome, overrideReason: calls.pick(OVERRIDE_REASONS), overrideById: renewal.managerId, overrideAt: new Date(now.getTime() - calls.int(1, 10) * 86_400_000) }
      : {};
    forecasts.push({
      renewalOpportunityId: renewal.id,
      ...call,
      nextStep: calls.pick(NEXT_STEPS),
      nextStepDate: addCalendarDaysUtc(today, calls.int(3, 30)),
      setById: renewal.csmId,
      setAt: new Date(now.getTime() - calls.int(2, 40) * 86_400_000),
      ...override,
    });
    current.set(renewal.id, "overrideCategory" in override ? { category: override.overrideCategory!, amountCents: override.overrideAmountCents!, outcome: override.overrideOutcome! } : call);
  }
  await prisma.renewalForecast.createMany({ data: forecasts });

  // Checkpoints in every state: the one due now, and the 180-day one kept beside a 90-day one.
  const states = rng.fork("checkpoints");
  const checkpoints: Prisma.ForecastCheckpointCreateManyInput[] = [];
  const statuses = ["OPEN", "AGREED", "AWAITING_MANAGER", "DECIDED"] as const;
  let turn = 0;
  for (const renewal of rows) {
    const due = checkpointDue(renewal.decisionDate, today, settings.checkpointDays);
    if (!due) continue;
    const call = current.get(renewal.id) ?? renewal.call;
    const days = due.daysBefore === 90 ? [180, 90] : [180];
    for (const daysBefore of days) {
      const dueDate = addCalendarDaysUtc(renewal.decisionDate, -daysBefore);
      const openedAt = dueDate.getTime() < today.getTime() ? new Date(dueDate.getTime() + 6 * 3_600_000) : now;
      const latest = daysBefore === due.daysBefore;
      const status = latest ? statuses[turn++ % statuses.length]! : states.pick(["AGREED", "DECIDED"] as const);
      const baton = renewal.likelihood;
      const csmCategory: ForecastCategory = status === "AWAITING_MANAGER" || status === "DECIDED" ? (baton.category === "AT_RISK" || baton.category === "PIPELINE" ? "COMMIT" : "AT_RISK") : call.category;
      const daysOpen = Math.floor((now.getTime() - openedAt.getTime()) / 86_400_000);
      checkpoints.push({
        renewalOpportunityId: renewal.id,
        daysBefore,
        dueDate,
        status,
        openedAt,
        ...(status === "OPEN"
          ? { remindedAt: daysOpen >= settings.reminderDaysAfterOpen ? now : null, escalatedAt: daysOpen >= settings.escalationDaysAfterOpen ? now : null }
          : {
              csmCategory: status === "AGREED" && disagrees(csmCategory, baton.category, settings.disagreementGap) ? baton.category : csmCategory,
              csmAmountCents: call.amountCents,
              recordedById: renewal.csmId,
              recordedAt: openedAt,
              batonScore: baton.score,
              batonCategory: baton.category,
              managerId: status === "AGREED" ? null : renewal.managerId,
              ...(status === "DECIDED"
                ? { decidedCategory: baton.category, decidedAmountCents: call.amountCents, decisionReason: states.pick(OVERRIDE_REASONS), decidedById: renewal.managerId, decidedAt: new Date(openedAt.getTime() + 2 * 86_400_000) }
                : {}),
            }),
      });
    }
  }
  await prisma.forecastCheckpoint.createMany({ data: checkpoints });

  // A year of Mondays. Open renewals: Pipeline flat until the CSM's call, then the call. Closed ones drift toward how
  // they closed — except a few lost or downsold while Commit to the end (the late surprises accuracy counts).
  const weeks: Date[] = [];
  for (let week = weekStartOf(addCalendarDaysUtc(today, -364)); week.getTime() <= today.getTime(); week = addCalendarDaysUtc(week, 7)) weeks.push(week);
  const snapshots: Prisma.ForecastSnapshotCreateManyInput[] = [];
  const history = rng.fork("snapshots");
  const closed = await readForecastRows(P.sql`r."stage" IN ('CLOSED_WON', 'CLOSED_LOST') AND r."renewalDate" > ${addCalendarDaysUtc(today, -380)}::date`, context, prisma);
  for (const renewal of closed) {
    const truth = truthOf(renewal);
    const surprise = truth.category !== "COMMIT" && history.chance(0.2);
    const turnDays = history.int(20, 120);
    const flat = flatAmountCents({ amountCents: renewal.baseCents, upliftPct: renewal.upliftPct });
    const score = truth.won ? history.int(55, 92) : history.int(18, 62);
    for (const week of weeks) {
      const out = Math.round((renewal.renewalDate.getTime() - week.getTime()) / 86_400_000);
      if (out <= 0 || out > 365) continue;
      const settled = !surprise && out <= turnDays;
      snapshots.push({
        renewalOpportunityId: renewal.id,
        weekStart: week,
        category: settled ? truth.category : surprise ? "COMMIT" : "PIPELINE",
        amountCents: settled ? (truth.won ? truth.amountCents : (renewal.baseCents * 60n) / 100n) : flat,
        outcome: settled && !truth.won ? "DOWNSELL" : "FLAT",
        baseAmountCents: renewal.baseCents,
        likelihood: Math.max(0, Math.min(100, score + history.int(-8, 8))),
        csmId: renewal.csmId,
      });
    }
  }
  for (const renewal of rows) {
    const call = current.get(renewal.id);
    const since = history.int(0, 6);
    for (const [index, week] of weeks.entries()) {
      const out = Math.round((renewal.renewalDate.getTime() - week.getTime()) / 86_400_000);
      if (out > 365) continue;
      const called = call && index >= weeks.length - 1 - since;
      const flat = flatAmountCents({ amountCents: renewal.baseCents, upliftPct: renewal.upliftPct });
      snapshots.push({
        renewalOpportunityId: renewal.id,
        weekStart: week,
        category: called ? call.category : "PIPELINE",
        amountCents: called ? call.amountCents : flat,
        outcome: called ? call.outcome : "FLAT",
        baseAmountCents: renewal.baseCents,
        likelihood: renewal.likelihood.score,
        csmId: renewal.csmId,
      });
    }
  }
  for (let index = 0; index < snapshots.length; index += 2_000) await prisma.forecastSnapshot.createMany({ data: snapshots.slice(index, index + 2_000) });
}
