import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process; Next's dev server reloads modules, so it is kept on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(connectionString = env().DATABASE_URL): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: env().DATABASE_POOL_MAX });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export const prisma: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (env().NODE_ENV !== "production") globalForPrisma.prisma = prisma;

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
