import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContactRole, Priority, Segment } from "@/lib/generated/prisma/enums";
import {
  COMPANY_PREFIXES, COMPANY_ROOTS, CONTACT_TITLES, FIRST_NAMES, INDUSTRIES, INDUSTRY_SUFFIXES, LAST_NAMES,
  LOCALES, REGION_WEIGHTS, type Industry, type Region,
} from "@/lib/demo/catalogue";
import type { AeSpec } from "@/lib/demo/people";
import type { Rng } from "@/lib/demo/random";

// Companies and their people. An account's lifecycle (customer, prospect, lost) is decided here; its
// revenue history is simulated in history.ts.

export type AccountKind = "customer" | "prospect" | "lost" | "recent";

export interface AccountPlan {
  id: string;
  externalId: string;
  name: string;
  domain: string;
  segment: Segment;
  industry: Industry;
  region: Region;
  timezone: string;
  language: string;
  strategic: boolean;
  needsOnsite: boolean;
  aeEmail: string;
  kind: AccountKind;
}

const SEGMENT_QUOTAS: ReadonlyArray<readonly [Segment, number]> = [
  ["ENTERPRISE", 0.15],
  ["MID_MARKET", 0.35],
  ["SCALE", 0.5],
];

/** Plain ASCII for e-mail addresses and domains: "Müller" → "muller". */
export function asciiSlug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

function companyName(rng: Rng, industry: Industry, taken: Set<string>): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = rng.chance(0.7)
      ? `${rng.pick(COMPANY_PREFIXES)}${rng.pick(COMPANY_ROOTS)}`
      : `${rng.pick(COMPANY_PREFIXES)} ${rng.pick(COMPANY_PREFIXES)}`;
    const name = `${base} ${rng.pick(INDUSTRY_SUFFIXES[industry])}`;
    const key = asciiSlug(base);
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
  throw new Error("ran out of company names");
}

function pickAe(rng: Rng, aes: readonly AeSpec[], segment: Segment): string {
  return rng.weighted(aes.map((ae) => [ae.email, ae.segments[segment] ?? 0] as const));
}

/**
 * `total` accounts: segments by quota (15 / 35 / 50 %), most of them customers, some open prospects and
 * some lost, plus `recent` prospects whose deals close through the live closed-won flow.
 */
export function planAccounts(
  rng: Rng,
  aes: readonly AeSpec[],
  counts: { total: number; prospects: number; lost: number },
): AccountPlan[] {
  const segments: Segment[] = [];
  for (const [segment, share] of SEGMENT_QUOTAS) {
    for (let i = 0; i < Math.round(counts.total * share); i++) segments.push(segment);
  }
  const kinds: AccountKind[] = segments.map((_, index) =>
    index < counts.prospects ? "prospect" : index < counts.prospects + counts.lost ? "lost" : "customer",
  );
  const shuffledKinds = rng.shuffle(kinds);
  const taken = new Set<string>();

  return rng.shuffle(segments).map((segment, index) => {
    const industry = rng.pick(INDUSTRIES);
    const region = rng.weighted(REGION_WEIGHTS);
    const locale = rng.weighted(LOCALES[region].map((entry) => [entry, entry.weight] as const));
    const name = companyName(rng, industry, taken);
    const slug = asciiSlug(name.split(" ").slice(0, -1).join(""));
    const enterprise = segment === "ENTERPRISE";
    return {
      id: rng.id(),
      externalId: `${slug.slice(0, 4).toUpperCase().padEnd(4, "X")}-${String(index + 1).padStart(4, "0")}`,
      name,
      domain: `${slug}.${rng.weighted([["com", 70], ["io", 15], ["co", 10], ["net", 5]] as const)}`,
      segment,
      industry,
      region,
      timezone: locale.timezone,
      language: locale.language,
      strategic: enterprise ? rng.chance(0.35) : segment === "MID_MARKET" && rng.chance(0.05),
      needsOnsite: enterprise ? rng.chance(0.3) : segment === "MID_MARKET" && rng.chance(0.08),
      aeEmail: pickAe(rng, aes, segment),
      kind: shuffledKinds[index] ?? "customer",
    };
  });
}

const CONTACT_ROLES_BY_POSITION: ContactRole[] = ["CHAMPION", "ECONOMIC_BUYER", "TECHNICAL_LEAD", "USER"];
const PRIORITY_BY_ROLE: Record<ContactRole, Priority> = {
  CHAMPION: "HIGH",
  ECONOMIC_BUYER: "HIGH",
  EXECUTIVE_SPONSOR: "HIGH",
  TECHNICAL_LEAD: "MEDIUM",
  USER: "LOW",
  OTHER: "LOW",
};
const CONTACT_NOTES = [
  "Prefers a short weekly e-mail update over calls.",
  "Joined from a company that used a competitor; knows the space well.",
  "Owns the budget line for next fiscal year.",
  "Ran the pilot; key voice for the rollout.",
  "Out on leave in August.",
  "",
  "",
  "",
];

export function contactRows(rng: Rng, account: AccountPlan): Prisma.ContactCreateManyInput[] {
  const range = account.segment === "ENTERPRISE" ? [3, 4] : account.segment === "MID_MARKET" ? [2, 3] : [1, 2];
  const count = rng.int(range[0] ?? 1, range[1] ?? 2);
  const emails = new Set<string>();
  const rows: Prisma.ContactCreateManyInput[] = [];
  for (let position = 0; position < count; position++) {
    let role = CONTACT_ROLES_BY_POSITION[position] ?? "USER";
    if (position === 2 && account.segment === "ENTERPRISE" && rng.chance(0.3)) role = "EXECUTIVE_SPONSOR";
    if (position === 3 && rng.chance(0.2)) role = "OTHER";
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email = `${asciiSlug(first)}.${asciiSlug(last)}@${account.domain}`;
    if (emails.has(email)) email = `${asciiSlug(first)}.${asciiSlug(last)}${position}@${account.domain}`;
    emails.add(email);
    rows.push({
      id: rng.id(),
      accountId: account.id,
      name: `${first} ${last}`,
      title: rng.pick(CONTACT_TITLES[role]),
      role,
      email,
      priority: PRIORITY_BY_ROLE[role],
      notes: rng.pick(CONTACT_NOTES),
    });
  }
  return rows;
}
