import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process; Next's dev server reloads modules, so it is kept on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

// PostgreSQL's JIT stays on for the app's connections. It used to compile for 0.5–0.6 s around a 66 ms dashboard
// query of a CS manager's team, because the "last assigned CSM" subquery of every book filter inflated the cost
// estimates past jit_above_cost; with the book CSM stored and indexed (Account.bookCsmId) no dashboard statement
// comes near that cost, and `npm run bench:dashboard` with PGOPTIONS="-c jit=off" times the same (README).
export function createPrismaClient(connectionString = env().DATABASE_URL): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: env().DATABASE_POOL_MAX });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export const prisma: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (env().NODE_ENV !== "production") globalForPrisma.prisma = prisma;

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
