import "server-only";
import type { Tx } from "@/lib/db";
import type { RiskLevel } from "@/lib/generated/prisma/enums";

/** The latest risk assessment's overall level of each account (the pipeline's and the alert's "Risk"). */
export async function latestRiskLevels(tx: Tx, accountIds: readonly string[]): Promise<Map<string, RiskLevel>> {
  if (accountIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ accountId: string; overall: RiskLevel }[]>`
    SELECT DISTINCT ON (r."accountId") r."accountId", r."overall"::text AS overall
    FROM "RiskAssessment" r
    WHERE r."accountId" = ANY(${[...accountIds]}::text[])
    ORDER BY r."accountId", r."createdAt" DESC, r."id" DESC`;
  return new Map(rows.map((row) => [row.accountId, row.overall]));
}
