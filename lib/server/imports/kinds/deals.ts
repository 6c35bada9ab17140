import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDate } from "@/lib/dates";
import { newId } from "@/lib/server/imports/new-id";
import type { DealRow } from "@/lib/imports/row-schemas";
import { dealStageCodec } from "@/lib/imports/formats";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import {
  accountsByExternalId,
  checkAccount,
  checkProducts,
  checkUser,
  diffIds,
  problems,
  productsByName,
  usersByEmail,
  type AccountRef,
  type UserRef,
} from "@/lib/server/imports/references";
import { defineHandler, hasDuplicateKeys, RowError, type ImportContext } from "@/lib/server/imports/types";

// deals.csv — key `external_id`. A row with stage closed_won runs the one closed-won flow (handoff, renewal,
// touchpoints, risk) in the row's transaction, once per deal: a deal Baton already marked closed-won is only
// updated, and a file cannot move it back to an open or lost stage or to another account.

interface DealLookup {
  accounts: Map<string, AccountRef>;
  users: Map<string, UserRef>;
  products: Map<string, string>;
}

interface StoredDeal {
  id: string;
  accountId: string;
  closedWonAt: Date | null;
  products: { productId: string }[];
}

const storedSelect = { id: true, externalId: true, accountId: true, closedWonAt: true, products: { select: { productId: true } } } as const;

function resolved(row: DealRow, lookup: DealLookup) {
  return {
    account: lookup.accounts.get(row.accountExternalId)!,
    ownerId: lookup.users.get(row.ownerEmail)!.id,
    productIds: row.products.map((name) => lookup.products.get(name)!),
  };
}

function refuseReopening(row: DealRow, stored: StoredDeal | undefined, accountId: string): void {
  if (!stored?.closedWonAt) return;
  if (row.stage !== "CLOSED_WON") {
    throw new RowError("stage", `the deal is closed-won in Baton and cannot move back to ${dealStageCodec.format(row.stage)}`);
  }
  if (stored.accountId !== accountId) throw new RowError("account_external_id", "the deal is closed-won in Baton and cannot move to another account");
}

function dealFields(row: DealRow, accountId: string, ownerId: string) {
  return {
    accountId,
    name: row.name,
    type: row.type,
    stage: row.stage,
    amountCents: row.amountCents,
    termMonths: row.termMonths,
    closeDate: row.closeDate,
    contractStart: row.contractStart,
    ownerId,
    winReason: row.winReason,
    competitor: row.competitor,
    painPoints: row.painPoints,
    risks: row.risks,
    technicalRequirements: row.technicalRequirements,
    integrations: row.integrations,
  };
}

async function syncProducts(tx: Tx, dealId: string, current: string[], wanted: string[]): Promise<void> {
  const diff = diffIds(current, wanted);
  if (diff.remove.length > 0) await tx.dealProduct.deleteMany({ where: { dealId, productId: { in: diff.remove } } });
  if (diff.add.length > 0) await tx.dealProduct.createMany({ data: diff.add.map((productId) => ({ dealId, productId })) });
}

/** The AE of a new customer keeps expansion credit on the account (SPEC.md "AE expansion credit"): the first one wins. */
async function claimAccountsForAes(tx: Tx, claims: Map<string, string>): Promise<void> {
  if (claims.size === 0) return;
  const values = [...claims].map(([account_id, owner_id]) => ({ account_id, owner_id }));
  await tx.$executeRaw`
    UPDATE "Account" a SET "aeId" = v.owner_id, "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(account_id text, owner_id text)
    WHERE a."id" = v.account_id AND a."aeId" IS NULL`;
}

function aeClaims(rows: readonly DealRow[], lookup: DealLookup): Map<string, string> {
  const claims = new Map<string, string>();
  for (const row of rows) {
    const { account, ownerId } = resolved(row, lookup);
    if (row.type === "NEW" && account.aeId === null && !claims.has(account.id)) claims.set(account.id, ownerId);
  }
  return claims;
}

const needsClosing = (row: DealRow, stored: StoredDeal | undefined) => row.stage === "CLOSED_WON" && !stored?.closedWonAt;

async function writeDeal(tx: Tx, row: DealRow, lookup: DealLookup, context: ImportContext): Promise<void> {
  const { account, ownerId, productIds } = resolved(row, lookup);
  const stored = (await tx.deal.findUnique({ where: { externalId: row.externalId }, select: storedSelect })) ?? undefined;
  refuseReopening(row, stored, account.id);
  let dealId: string;
  if (stored) {
    dealId = stored.id;
    await tx.deal.update({ where: { id: dealId }, data: dealFields(row, account.id, ownerId), select: { id: true } });
    await syncProducts(tx, dealId, stored.products.map((p) => p.productId), productIds);
  } else {
    const created = await tx.deal.create({
      data: { ...dealFields(row, account.id, ownerId), externalId: row.externalId, products: { create: productIds.map((productId) => ({ productId })) } },
      select: { id: true },
    });
    dealId = created.id;
  }
  await claimAccountsForAes(tx, aeClaims([row], lookup));
  if (needsClosing(row, stored)) await closeDealWon(context.closer, dealId, { tx, at: context.now, closedAt: row.closedAt });
  await applyRenewalTerms(tx, [{ dealId, row }]);
}

/**
 * The optional contract-term columns (auto_renew, notice_days, uplift_pct) onto each deal's open renewal, after the
 * closed-won flow opened it. An empty cell keeps the stored term; a closed renewal keeps its terms.
 */
async function applyRenewalTerms(tx: Tx, rows: readonly { dealId: string; row: DealRow }[]): Promise<void> {
  const values = rows
    .filter(({ row }) => row.renewalTerms.autoRenew !== null || row.renewalTerms.noticeDays !== null || row.renewalTerms.upliftPct !== null)
    .map(({ dealId, row }) => ({ deal_id: dealId, auto_renew: row.renewalTerms.autoRenew, notice_days: row.renewalTerms.noticeDays, uplift_pct: row.renewalTerms.upliftPct }));
  if (values.length === 0) return;
  await tx.$executeRaw`
    UPDATE "RenewalOpportunity" r SET
      "autoRenew" = COALESCE(v.auto_renew, r."autoRenew"),
      "noticeDays" = CASE WHEN v.notice_days IS NULL THEN r."noticeDays" WHEN v.notice_days = 0 THEN NULL ELSE v.notice_days END,
      "upliftPct" = COALESCE(v.uplift_pct, r."upliftPct"),
      "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(deal_id text, auto_renew boolean, notice_days int, uplift_pct numeric)
    WHERE r."originalDealId" = v.deal_id AND r."stage" IN ('RENEWAL_PENDING', 'PLANNING', 'NEGOTIATION', 'COMMITTED')`;
}

/** The same as writeDeal row after row, with the inserts and updates of the batch in a few statements. */
async function writeDeals(tx: Tx, rows: readonly DealRow[], lookup: DealLookup, context: ImportContext): Promise<void> {
  if (hasDuplicateKeys(rows, (row) => row.externalId)) {
    for (const row of rows) await writeDeal(tx, row, lookup, context);
    return;
  }
  const storedRows = await tx.deal.findMany({ where: { externalId: { in: rows.map((row) => row.externalId) } }, select: storedSelect });
  const stored = new Map(storedRows.map((deal) => [deal.externalId, deal]));
  for (const row of rows) refuseReopening(row, stored.get(row.externalId), resolved(row, lookup).account.id);

  const creates = rows.filter((row) => !stored.has(row.externalId));
  const created = creates.length > 0 ? await insertDeals(tx, creates, lookup) : [];
  const idOf = new Map([...created.map((deal) => [deal.externalId, deal.id] as const), ...storedRows.map((deal) => [deal.externalId, deal.id] as const)]);
  const productAdds: { dealId: string; productId: string }[] = [];
  const productRemoves: { deal_id: string; product_id: string }[] = [];
  for (const row of rows) {
    const dealId = idOf.get(row.externalId)!;
    const diff = diffIds(stored.get(row.externalId)?.products.map((p) => p.productId) ?? [], resolved(row, lookup).productIds);
    productAdds.push(...diff.add.map((productId) => ({ dealId, productId })));
    productRemoves.push(...diff.remove.map((productId) => ({ deal_id: dealId, product_id: productId })));
  }

  const updates = rows.filter((row) => stored.has(row.externalId));
  if (updates.length > 0) {
    const values = updates.map((row) => {
      const { account, ownerId } = resolved(row, lookup);
      return {
        id: idOf.get(row.externalId),
        ...sqlValues(row, account.id, ownerId),
      };
    });
    await tx.$executeRaw`
      UPDATE "Deal" d SET
        "accountId" = v.account_id, "name" = v.name, "type" = v.type::"DealType", "stage" = v.stage::"DealStage",
        "amountCents" = v.amount, "termMonths" = v.term_months, "closeDate" = v.close_date, "contractStart" = v.contract_start,
        "ownerId" = v.owner_id, "winReason" = v.win_reason, "competitor" = v.competitor, "painPoints" = v.pain_points,
        "risks" = v.risks, "technicalRequirements" = v.technical_requirements, "integrations" = v.integrations,
        "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(${DEAL_RECORD})
      WHERE d."id" = v.id`;
  }
  if (productRemoves.length > 0) {
    await tx.$executeRaw`
      DELETE FROM "DealProduct" p USING jsonb_to_recordset(${JSON.stringify(productRemoves)}::jsonb) AS v(deal_id text, product_id text)
      WHERE p."dealId" = v.deal_id AND p."productId" = v.product_id`;
  }
  if (productAdds.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "DealProduct" ("dealId", "productId")
      SELECT v."dealId", v."productId" FROM jsonb_to_recordset(${JSON.stringify(productAdds)}::jsonb) AS v("dealId" text, "productId" text)`;
  }
  await claimAccountsForAes(tx, aeClaims(rows, lookup));
  for (const row of rows) {
    if (needsClosing(row, stored.get(row.externalId))) await closeDealWon(context.closer, idOf.get(row.externalId)!, { tx, at: context.now, closedAt: row.closedAt });
  }
  await applyRenewalTerms(tx, rows.map((row) => ({ dealId: idOf.get(row.externalId)!, row })));
}

/** A deal row as JSON for jsonb_to_recordset (bigint as text, dates as YYYY-MM-DD). */
function sqlValues(row: DealRow, accountId: string, ownerId: string) {
  return {
    account_id: accountId,
    name: row.name,
    type: row.type,
    stage: row.stage,
    amount: row.amountCents.toString(),
    term_months: row.termMonths,
    close_date: toIsoDate(row.closeDate),
    contract_start: row.contractStart ? toIsoDate(row.contractStart) : null,
    owner_id: ownerId,
    win_reason: row.winReason,
    competitor: row.competitor,
    pain_points: row.painPoints,
    risks: row.risks,
    technical_requirements: row.technicalRequirements,
    integrations: row.integrations,
  };
}

const DEAL_RECORD = Prisma.sql`
  id text, external_id text, account_id text, name text, type text, stage text, amount bigint, term_months int,
  close_date date, contract_start date, owner_id text, win_reason text, competitor text, pain_points text[],
  risks text[], technical_requirements text[], integrations text[]`;

/** One INSERT for the batch's new deals (Prisma's createMany costs ~0.6 ms per row in query building). */
async function insertDeals(tx: Tx, rows: readonly DealRow[], lookup: DealLookup): Promise<{ id: string; externalId: string }[]> {
  const values = rows.map((row) => {
    const { account, ownerId } = resolved(row, lookup);
    return { id: newId(), external_id: row.externalId, ...sqlValues(row, account.id, ownerId) };
  });
  return tx.$queryRaw<{ id: string; externalId: string }[]>`
    INSERT INTO "Deal" ("id", "externalId", "accountId", "name", "type", "stage", "amountCents", "termMonths", "closeDate",
      "contractStart", "ownerId", "winReason", "competitor", "painPoints", "risks", "technicalRequirements", "integrations", "updatedAt")
    SELECT v.id, v.external_id, v.account_id, v.name, v.type::"DealType", v.stage::"DealStage", v.amount, v.term_months, v.close_date,
      v.contract_start, v.owner_id, v.win_reason, v.competitor, v.pain_points, v.risks, v.technical_requirements, v.integrations, now()
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(${DEAL_RECORD})
    RETURNING "id", "externalId"`;
}

export const dealsImport = defineHandler<DealRow, DealLookup>({
  async lookup(tx, rows) {
    const accounts = await accountsByExternalId(tx, rows.map((row) => row.accountExternalId));
    const users = await usersByEmail(tx, rows.map((row) => row.ownerEmail));
    const products = await productsByName(tx, rows.flatMap((row) => row.products));
    return { accounts, users, products };
  },
  check: (row, { accounts, users, products }) =>
    problems(
      checkAccount(accounts, "account_external_id", row.accountExternalId),
      checkUser(users, "owner_email", row.ownerEmail, ["AE"]),
      checkProducts(products, "products", row.products),
    ),
  write: writeDeal,
  writeBatch: writeDeals,
});
