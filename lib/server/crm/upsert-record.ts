import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Actor, isSystem } from "@/lib/server/actor";
import { assertRole } from "@/lib/server/authz";
import { getSettings } from "@/lib/server/settings/get-settings";
import { accountsImport } from "@/lib/server/imports/kinds/accounts";
import { contactsImport } from "@/lib/server/imports/kinds/contacts";
import { dealsImport } from "@/lib/server/imports/kinds/deals";
import { arrMovementsImport } from "@/lib/server/imports/kinds/arr-movements";
import { centsToDollars } from "@/lib/imports/fields";
import { toIsoDate } from "@/lib/dates";
import type { arrMovementOutput } from "@/lib/api/schemas";
import type { z } from "zod";
import { RowError, type ImportHandler } from "@/lib/server/imports/types";
import type { AccountRow, ArrMovementRow, ContactRow, DealRow } from "@/lib/imports/row-schemas";

// One record from the CRM (the REST API or the webhook), saved by the same code as a CSV row: the same
// reference checks, the same write, the same closed-won flow for a deal that arrives won. So a file, the API and
// the webhook cannot disagree about what an account, contact or deal upsert means.

const snakeToCamel = (field: string) => field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

async function upsertOne<Row, Lookup>(handler: ImportHandler<Row, Lookup>, row: Row, actor: Actor, options: { tx?: Tx; now?: Date }): Promise<void> {
  if (!isSystem(actor)) assertRole(actor, ["ADMIN"]);
  const run = async (tx: Tx) => {
    const lookup = await handler.lookup(tx, [row]);
    const problems = handler.check(row, lookup);
    if (problems.length > 0) {
      throw new AppError("VALIDATION", "Some fields refer to records that do not exist.", Object.fromEntries(problems.map((p) => [snakeToCamel(p.field), [p.reason]])));
    }
    try {
      await handler.write(tx, row, lookup, { actor, closer: actor, settings: await getSettings(tx), now: options.now ?? new Date() });
    } catch (error) {
      if (error instanceof RowError) throw new AppError(error.status, error.message, { [snakeToCamel(error.field)]: [error.message] });
      throw error;
    }
  };
  if (options.tx) return run(options.tx);
  await prisma.$transaction(run, { maxWait: 15_000, timeout: 30_000 });
}

export const upsertAccountRecord = (actor: Actor, row: AccountRow, options: { tx?: Tx; now?: Date } = {}) => upsertOne(accountsImport, row, actor, options);
export const upsertContactRecord = (actor: Actor, row: ContactRow, options: { tx?: Tx; now?: Date } = {}) => upsertOne(contactsImport, row, actor, options);
export const upsertDealRecord = (actor: Actor, row: DealRow, options: { tx?: Tx; now?: Date } = {}) => upsertOne(dealsImport, row, actor, options);

/** One movement from billing through the arr_movements importer; answers with what is stored and the account's ARR today. */
export async function recordArrMovement(actor: Actor, row: ArrMovementRow): Promise<z.input<typeof arrMovementOutput>> {
  await upsertOne(arrMovementsImport, row, actor, {});
  const account = await prisma.account.findUniqueOrThrow({ where: { externalId: row.accountExternalId }, select: { id: true, arrCents: true } });
  return {
    accountExternalId: row.accountExternalId,
    date: toIsoDate(row.date),
    type: row.type,
    amount: centsToDollars(row.amountCents),
    dealExternalId: row.dealExternalId,
    reason: row.reason,
    accountArr: centsToDollars(account.arrCents),
  };
}
