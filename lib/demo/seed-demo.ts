import bcrypt from "bcryptjs";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_SETTINGS, SETTING_KEYS } from "@/lib/settings/schema";
import { CLIENT_INTRODUCTION_KEY, CLIENT_INTRODUCTION_TEMPLATE } from "@/lib/demo/email-template";
import { generateDemo, type DemoPlan } from "@/lib/demo/generate";
import { notificationRows } from "@/lib/demo/notifications";
import { DEMO_PASSWORD, userRows } from "@/lib/demo/people";
import { createRng } from "@/lib/demo/random";
import { closeRecentDeals } from "@/lib/demo/recent-apply";
import { seedForecast } from "@/lib/demo/forecast";

// `npm run db:seed`: wipes the app's tables and writes the demo company. Rows are computed first
// (lib/demo/generate.ts, no I/O), then written in batches; this week's closed-won deals go through the real
// closed-won flow. Callable from tests with a fixed `now`.

const BATCH = 1_000;
// Demo users share one hash: bcrypt at cost 10 takes ~70 ms per call.
const BCRYPT_COST = 10;

export interface SeedResult {
  counts: Record<string, number>;
  today: string;
}

export async function seedDemo(prisma: PrismaClient, options: { now?: Date } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const plan = generateDemo(now);
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, BCRYPT_COST);

  await wipe(prisma);
  await writePlan(prisma, plan, passwordHash);
  const outcomes = await closeRecentDeals(prisma, plan, createRng("baton-demo-v1:recent-apply"));
  await insertBatches(notificationRows(plan, outcomes), (data) => prisma.notification.createMany({ data }));
  await syncAccountArr(prisma);
  await seedForecast(prisma, now, plan.today);
  return { counts: await countRows(prisma), today: plan.today.toISOString().slice(0, 10) };
}

/** The app's tables in this schema: everything but the migration bookkeeping. */
async function appTables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '\\_prisma%' ORDER BY tablename`;
  return rows.map((row) => row.tablename);
}

/** TRUNCATE, not DELETE: the audit log's trigger refuses deletes but TRUNCATE is allowed. */
async function wipe(prisma: PrismaClient): Promise<void> {
  const tables = await appTables(prisma);
  if (tables.length === 0) throw new Error("No tables found: run `npm run db:migrate` first.");
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${tables.map((table) => `"${table}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

async function insertBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < rows.length; index += BATCH) await write(rows.slice(index, index + BATCH));
}

async function writePlan(prisma: PrismaClient, plan: DemoPlan, passwordHash: string): Promise<void> {
  const settings = SETTING_KEYS.map((key) => ({ key, value: DEFAULT_SETTINGS[key] as Prisma.InputJsonValue }));
  await prisma.setting.createMany({ data: settings });
  await prisma.emailTemplate.create({ data: { key: CLIENT_INTRODUCTION_KEY, ...CLIENT_INTRODUCTION_TEMPLATE } });
  await prisma.product.createMany({
    data: plan.products.map((product) => ({ id: product.id, name: product.name, technical: product.technical })),
  });
  await prisma.user.createMany({ data: userRows(plan.users, passwordHash) });
  await prisma.csmProfile.createMany({ data: plan.profiles.profiles });
  await prisma.csmProductExpertise.createMany({ data: plan.profiles.expertise });
  await prisma.csmCertification.createMany({ data: plan.profiles.certifications });

  await insertBatches(plan.accounts, (data) => prisma.account.createMany({ data }));
  await insertBatches(plan.contacts, (data) => prisma.contact.createMany({ data }));
  await insertBatches(plan.deals.map((deal) => deal.row), (data) => prisma.deal.createMany({ data }));
  const dealProducts = plan.deals.flatMap((deal) => deal.products.map((product) => ({ dealId: deal.row.id, productId: product.id })));
  await insertBatches(dealProducts, (data) => prisma.dealProduct.createMany({ data }));
  await insertBatches(plan.renewals.map((renewal) => renewal.row), (data) => prisma.renewalOpportunity.createMany({ data }));
  const renewalProducts = plan.renewals.flatMap((renewal) =>
    renewal.products.map((product) => ({ renewalOpportunityId: renewal.row.id, productId: product.id })),
  );
  await insertBatches(renewalProducts, (data) => prisma.renewalProduct.createMany({ data }));
  await insertBatches(plan.movements, (data) => prisma.arrMovement.createMany({ data }));
  await insertBatches(plan.handoffs, (data) => prisma.handoff.createMany({ data }));
  await insertBatches(plan.policySteps, (data) => prisma.handoffPolicyStep.createMany({ data }));
  await insertBatches(plan.assignments, (data) => prisma.csmAssignment.createMany({ data }));
  await insertBatches(plan.touchpoints, (data) => prisma.touchpoint.createMany({ data }));
}

/** Account.arrCents = the ARR as of today from the account's movements, whatever wrote them (the ledger's own refresh). */
async function syncAccountArr(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`SELECT ledger_refresh_arr(ARRAY(SELECT id FROM "Account"))`;
}

async function countRows(prisma: PrismaClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await appTables(prisma)) {
    const [row] = await prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = row?.count ?? 0;
  }
  return counts;
}
