import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { callServerAction } from "./actions";
import { one, query } from "./db";
import { openDealFor } from "./rows";

// Rows a browser test creates for itself (unique names), so its subject never depends on the seed or on another test.

const id = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 20)}`;

async function userId(email: string): Promise<string> {
  return (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])).id;
}

/** YYYY-MM-DD `days` from today (the database's date). */
async function dayFromToday(days: number): Promise<string> {
  return (await one<{ day: string }>(`SELECT to_char(current_date + $1::int, 'YYYY-MM-DD') AS day`, [days])).day;
}

/**
 * A Mid-Market customer of csm@ / ae@baton.test with one contract of `amountCents`, signed 11 months ago, whose renewal
 * is due in `renewalInDays`: the account, the closed-won deal, its NEW movement and its renewal opportunity.
 */
export async function customerWithRenewal(input: { name?: string; amountCents: bigint; renewalInDays: number }) {
  const name = input.name ?? `Ledger E2E ${randomUUID().slice(0, 8)}`;
  const [csmId, aeId] = await Promise.all([userId("csm@baton.test"), userId("ae@baton.test")]);
  const accountId = id("acc");
  const dealId = id("deal");
  const renewalDate = await dayFromToday(input.renewalInDays);
  const start = (await one<{ day: string }>(`SELECT to_char($1::date - interval '12 months', 'YYYY-MM-DD') AS day`, [renewalDate])).day;
  await query(
    `INSERT INTO "Account" (id, "externalId", name, segment, industry, region, timezone, "primaryLanguage", "csmId", "aeId", "initialSignedAt", "updatedAt")
     VALUES ($1, $1, $2, 'MID_MARKET', 'Software', 'NA', 'America/New_York', 'English', $3, $4, $5::date, now())`,
    [accountId, name, csmId, aeId, start],
  );
  await query(
    `INSERT INTO "Deal" (id, "externalId", "accountId", name, type, stage, "amountCents", "termMonths", "closeDate", "contractStart", "ownerId", "closedWonAt", "updatedAt")
     VALUES ($1, $1, $2, $3, 'NEW', 'CLOSED_WON', $4, 12, $5::date, $5::date, $6, $5::date, now())`,
    [dealId, accountId, `${name} — New business`, input.amountCents.toString(), start, aeId],
  );
  await query(
    `INSERT INTO "ArrMovement" (id, "accountId", date, type, "amountCents", "sourceDealId", "contractDealId") VALUES ($1, $2, $3::date, 'NEW', $4, $5, $5)`,
    [id("mv"), accountId, start, input.amountCents.toString(), dealId],
  );
  const renewalId = id("ren");
  await query(
    `INSERT INTO "RenewalOpportunity" (id, "accountId", "originalDealId", name, "amountCents", "renewalDate", "originalCloseDate", "contractTermMonths", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, 12, now())`,
    [renewalId, accountId, dealId, `${name} — Renewal ${renewalDate}`, input.amountCents.toString(), renewalDate, start],
  );
  return { accountId, dealId, renewalId, name, renewalDate };
}

/** An open new-business deal of ae@baton.test on a new account, ready to be marked closed-won. */
export async function openDeal(input: { amountCents: bigint }) {
  const name = `New Logo E2E ${randomUUID().slice(0, 8)}`;
  const aeId = await userId("ae@baton.test");
  const accountId = id("acc");
  const dealId = id("deal");
  await query(
    `INSERT INTO "Account" (id, "externalId", name, segment, industry, region, timezone, "primaryLanguage", "aeId", "updatedAt")
     VALUES ($1, $1, $2, 'MID_MARKET', 'Software', 'NA', 'America/New_York', 'English', $3, now())`,
    [accountId, name, aeId],
  );
  await query(
    `INSERT INTO "Deal" (id, "externalId", "accountId", name, type, stage, "amountCents", "termMonths", "closeDate", "ownerId", "updatedAt")
     VALUES ($1, $1, $2, $3, 'NEW', 'NEGOTIATION', $4, 12, current_date, $5, now())`,
    [dealId, accountId, `${name} — Platform`, input.amountCents.toString(), aeId],
  );
  return { accountId, dealId, name };
}

/** Today in the company's calendar (its time zone from the rule settings), as the closed-won dialog confirms it. */
async function companyToday(): Promise<string> {
  const row = await one<{ day: string }>(
    `SELECT to_char(now() AT TIME ZONE coalesce((SELECT value->>'timezone' FROM "Setting" WHERE key = 'calendar'), 'America/New_York'), 'YYYY-MM-DD') AS day`,
  );
  return row.day;
}

export interface PendingAssignment {
  id: string;
  account: string;
  segment: string;
  csmName: string;
  csmEmail: string;
  /** The stored exact score, e.g. "211.60000000". */
  score: string;
  candidates: { candidates: { userId: string; breakdown: { key: string; points: number }[] }[] };
}

/** The snapshot as stored (version 3: each term as [key, units, detail], a point being 10⁸ units). */
interface StoredCandidates {
  candidates: { userId: string; breakdown: [string, number, string][] }[];
}

/**
 * A suggested CSM assignment waiting for review, of its own new account: an open deal of ae@baton.test (`aePage` is
 * signed in as them) marked closed-won through the deal page's own server action, which suggests the CSM.
 */
export async function pendingAssignment(aePage: Page, options: { segment?: string } = {}): Promise<PendingAssignment> {
  const deal = await openDealFor("ae@baton.test", { segment: options.segment });
  await callServerAction(aePage, {
    path: `/deals/${deal.dealId}`,
    file: "components/deals/actions.ts",
    name: "markClosedWonAction",
    args: [{ dealId: deal.dealId, confirmedCloseDate: await companyToday(), contractStart: "" }],
  });
  const row = await one<Omit<PendingAssignment, "candidates"> & { candidates: StoredCandidates }>(
    `SELECT c.id, a.name AS account, a.segment::text AS segment, u.name AS "csmName", u.email AS "csmEmail",
            c."suggestedScore"::text AS score, c.candidates
     FROM "CsmAssignment" c JOIN "Account" a ON a.id = c."accountId" JOIN "User" u ON u.id = c."suggestedCsmId"
     WHERE c.status = 'PENDING' AND a.id = $1`,
    [deal.accountId],
  );
  const candidates = row.candidates.candidates.map((candidate) => ({
    userId: candidate.userId,
    breakdown: candidate.breakdown.map(([key, units]) => ({ key, points: units / 100_000_000 })),
  }));
  return { ...row, candidates: { candidates } };
}

/** A planned touchpoint of `type` on the account, owned by `ownerEmail`, due `inDays` from today. */
export async function plannedTouchpoint(input: { accountId: string; ownerEmail: string; type: string; inDays: number }) {
  const touchpointId = id("tp");
  const [ownerId, due] = await Promise.all([userId(input.ownerEmail), dayFromToday(input.inDays)]);
  await query(
    `INSERT INTO "Touchpoint" (id, "accountId", type, "dueDate", "ruleDate", "ownerId") VALUES ($1, $2, $3::"TouchpointType", $4::date, $4::date, $5)`,
    [touchpointId, input.accountId, input.type, due, ownerId],
  );
  return { touchpointId, due };
}
