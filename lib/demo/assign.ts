import type { Prisma } from "@/lib/generated/prisma/client";
import type { Segment } from "@/lib/generated/prisma/enums";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import type { AccountPlan } from "@/lib/demo/accounts";
import type { DemoProduct } from "@/lib/demo/deal-details";
import { segmentsOf, type CsmSpec } from "@/lib/demo/people";
import type { Rng } from "@/lib/demo/random";

// Spreads the customers over the CSMs of their tier the way a CS team would have: each CSM's book close
// to their share, same region first (always for on-site accounts), never past the tier's ARR limit.

export interface DemoCsm extends CsmSpec {
  id: string;
  profileId: string;
  accounts: number;
  arrCents: number;
  maxAccounts: number;
  maxArrCents: number;
}

export interface BookEntry {
  account: AccountPlan;
  arrCents: number;
}

const capacity = DEFAULT_SETTINGS.capacity;

export function demoCsms(rng: Rng, specs: readonly CsmSpec[], idByEmail: ReadonlyMap<string, string>): DemoCsm[] {
  return specs.map((spec) => ({
    ...spec,
    id: idByEmail.get(spec.email) ?? "",
    profileId: rng.id(),
    accounts: 0,
    arrCents: 0,
    maxAccounts: capacity[spec.tier].maxAccounts,
    maxArrCents: capacity[spec.tier].maxArrCents,
  }));
}

/** Assigns each entry to a CSM of its segment; returns account id → CSM. Entries that fit nowhere stay out. */
export function assignBooks(csms: DemoCsm[], entries: readonly BookEntry[]): Map<string, DemoCsm> {
  const result = new Map<string, DemoCsm>();
  const segments: Segment[] = ["ENTERPRISE", "MID_MARKET", "SCALE"];
  for (const segment of segments) {
    const tier = csms.filter((csm) => csm.tier === segment);
    const pool = entries.filter((entry) => entry.account.segment === segment).sort((a, b) => a.arrCents - b.arrCents);
    const shareTotal = tier.reduce((sum, csm) => sum + csm.share, 0);
    const target = new Map(tier.map((csm) => [csm, Math.round((pool.length * csm.share) / shareTotal)]));
    const arrLimit = capacity[segment].maxArrCents * 0.95;
    for (const entry of pool) {
      const open = tier.filter((csm) => csm.accounts < (target.get(csm) ?? 0) && csm.arrCents + entry.arrCents <= arrLimit);
      const local = open.filter((csm) => csm.region === entry.account.region);
      const choices = local.length > 0 || entry.account.needsOnsite ? local : open;
      // Past the targets, anyone with room under the tier's hard ARR limit takes the account.
      const hardLimit = capacity[segment].maxArrCents;
      const fallback = tier.filter(
        (csm) => (!entry.account.needsOnsite || csm.region === entry.account.region) && csm.arrCents + entry.arrCents <= hardLimit,
      );
      const pickFrom = choices.length > 0 ? choices : fallback;
      const chosen = pickFrom.sort((a, b) => a.accounts / (target.get(a) ?? 1) - b.accounts / (target.get(b) ?? 1))[0];
      if (!chosen) continue;
      chosen.accounts += 1;
      chosen.arrCents += entry.arrCents;
      result.set(entry.account.id, chosen);
    }
  }
  return result;
}

/** Max accounts so each CSM's load lands near their intended fill, within the tier's range. */
export function settleCapacity(csms: DemoCsm[]): void {
  for (const csm of csms) {
    const range = capacity[csm.tier];
    const wanted = Math.ceil(csm.accounts / csm.fill);
    csm.maxAccounts = Math.max(csm.accounts, Math.min(range.maxAccounts, Math.max(range.minAccounts, wanted)));
  }
}

/**
 * A CSM who passes the must-match rules for a new account (tier, on-site region, certifications, capacity),
 * best by a simplified version of the assignment score. The real scorer lives with the assignment feature.
 */
export function fittingCsm(
  csms: readonly DemoCsm[],
  account: AccountPlan,
  products: readonly DemoProduct[],
  arrCents: number,
): DemoCsm | null {
  const eligible = csms.filter(
    (csm) =>
      csm.tier === account.segment &&
      (!account.needsOnsite || csm.region === account.region) &&
      products.every((product) => !product.technical || csm.certified.includes(product.name)) &&
      csm.accounts + 1 <= csm.maxAccounts &&
      csm.arrCents + arrCents <= csm.maxArrCents,
  );
  const score = (csm: DemoCsm) => {
    const load = csm.accounts / csm.maxAccounts;
    return (
      (load > 0.9 ? -40 : load > 0.8 ? -20 : 0) +
      (segmentsOf(csm).includes(account.segment) ? 25 : 0) +
      (csm.industries.includes(account.industry) ? 20 : 0) +
      10 * products.filter((product) => csm.expertise.includes(product.name)).length +
      (csm.timezone === account.timezone ? 15 : 0) +
      (csm.languages.includes(account.language) ? 15 : 0) +
      csm.nps * 0.2 +
      csm.retention * 0.3
    );
  };
  return [...eligible].sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name))[0] ?? null;
}

/** The profile rows, written once the books are settled. */
export function csmProfileRows(csms: readonly DemoCsm[], products: readonly DemoProduct[]) {
  const byName = new Map(products.map((product) => [product.name, product.id]));
  const profiles: Prisma.CsmProfileCreateManyInput[] = csms.map((csm) => ({
    id: csm.profileId,
    userId: csm.id,
    tier: csm.tier,
    maxAccounts: csm.maxAccounts,
    maxArrCents: BigInt(csm.maxArrCents),
    segments: segmentsOf(csm),
    industries: csm.industries,
    region: csm.region,
    timezone: csm.timezone,
    languages: csm.languages,
    npsScore: csm.nps,
    retentionRate: csm.retention,
  }));
  const expertise: Prisma.CsmProductExpertiseCreateManyInput[] = csms.flatMap((csm) =>
    csm.expertise.flatMap((name) => {
      const productId = byName.get(name);
      return productId ? [{ csmProfileId: csm.profileId, productId }] : [];
    }),
  );
  const certifications: Prisma.CsmCertificationCreateManyInput[] = csms.flatMap((csm) =>
    csm.certified.flatMap((name) => {
      const productId = byName.get(name);
      return productId ? [{ csmProfileId: csm.profileId, productId }] : [];
    }),
  );
  return { profiles, expertise, certifications };
}
