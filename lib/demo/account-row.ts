import { atLocalTime } from "@/lib/zoned-time";
import { addDays, daysBetween } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountPlan } from "@/lib/demo/accounts";
import type { DemoCsm } from "@/lib/demo/assign";
import type { AccountHistory, DealRecord } from "@/lib/demo/history";
import type { Rng } from "@/lib/demo/random";

// The account row itself: health, usage and milestones that agree with its revenue history.

export function accountRow(
  rng: Rng,
  input: {
    account: AccountPlan;
    history: AccountHistory | null;
    csm: DemoCsm | null;
    assignedOn: Date | null;
    today: Date;
    deals: readonly DealRecord[];
  },
): Prisma.AccountCreateManyInput {
  const { account, history, csm, today } = input;
  const arr = history?.arrCents ?? 0;
  const churned = history !== null && arr === 0;
  const atRisk = !churned && history !== null && (history.contracted ? rng.chance(0.5) : rng.chance(0.12));

  let healthScore = 70;
  let usagePct = 0;
  if (churned) {
    healthScore = rng.int(5, 30);
    usagePct = rng.int(0, 25);
  } else if (history) {
    healthScore = Math.round(atRisk ? rng.bell(25, 60) : rng.bell(58, 97));
    usagePct = Math.round((atRisk ? rng.bell(20, 70) : rng.bell(45, 125)) * 100) / 100;
  }

  const signed = history?.initialSignedAt ?? null;
  let goLiveAt: Date | null = null;
  let firstValueAt: Date | null = null;
  if (signed) {
    const daysToValue = rng.chance(0.88) ? Math.round(rng.bell(8, 48)) : rng.int(50, 95);
    const value = addDays(signed, daysToValue);
    const goLive = addDays(signed, Math.max(5, daysToValue - rng.int(0, 7)));
    if (daysBetween(goLive, today) > 0) goLiveAt = goLive;
    if (daysBetween(value, today) > 0) firstValueAt = value;
  }

  const firstCreated = input.deals.reduce<Date | null>((earliest, deal) => {
    const created = deal.row.createdAt as Date | undefined;
    return created && (!earliest || created.getTime() < earliest.getTime()) ? created : earliest;
  }, null);
  const createdAt = firstCreated ? new Date(firstCreated.getTime() - rng.int(1, 20) * 86_400_000) : atLocalTime(addDays(today, -30), 12, 0, "UTC");

  return {
    id: account.id,
    externalId: account.externalId,
    name: account.name,
    segment: account.segment,
    industry: account.industry,
    region: account.region,
    timezone: account.timezone,
    primaryLanguage: account.language,
    strategic: account.strategic,
    needsOnsite: account.needsOnsite,
    healthScore,
    usagePct,
    expansionPotentialCents: churned || !history ? 0 : Math.round((arr * rng.float(0, 0.6)) / 100_000) * 100_000,
    arrCents: arr,
    csmId: csm?.id ?? null,
    csmAssignedAt: csm ? (input.assignedOn ?? (signed ? addDays(signed, rng.int(1, 3)) : null)) : null,
    aeId: input.deals[0]?.row.ownerId ?? null,
    initialSignedAt: signed,
    goLiveAt,
    firstValueAt,
    createdAt,
  };
}
