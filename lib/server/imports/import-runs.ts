import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import { storedRowIssues, type RowIssue } from "@/lib/imports/row-schemas";
import { pageArgs, pageParams, paged, type Paged } from "@/lib/paging";
import { assertRole, type ActingUser } from "@/lib/server/authz";

export const importRunListParams = z.object({ ...pageParams, dir: z.enum(["asc", "desc"]).catch("desc") });
export type ImportRunListParams = z.infer<typeof importRunListParams>;

export interface ImportRunView {
  id: string;
  kind: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  doneRows: number;
  okRows: number;
  errorRows: number;
  createdAt: Date;
  finishedAt: Date | null;
  createdByName: string | null;
}

const select = {
  id: true,
  kind: true,
  fileName: true,
  status: true,
  totalRows: true,
  doneRows: true,
  okRows: true,
  errorRows: true,
  createdAt: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
} as const;

export async function listImportRuns(actor: ActingUser, params: ImportRunListParams): Promise<Paged<ImportRunView>> {
  assertRole(actor, ["ADMIN"]);
  const [rows, count] = await Promise.all([
    prisma.importRun.findMany({
      orderBy: [{ createdAt: params.dir }, { id: "asc" }],
      ...pageArgs(params),
      select,
    }),
    prisma.importRun.count(),
  ]);
  return paged(
    rows.map(({ createdBy, ...row }) => ({ ...row, createdByName: createdBy?.name ?? null })),
    count,
    params.page,
    params.perPage,
  );
}

/** One run with its report (line, field, reason), for the progress bar and the report page. */
export async function getImportRun(actor: ActingUser, runId: string): Promise<ImportRunView & { issues: RowIssue[] }> {
  assertRole(actor, ["ADMIN"]);
  const run = await prisma.importRun.findUnique({ where: { id: runId }, select: { ...select, errors: true } });
  if (!run) throw notFound("The import");
  const { createdBy, errors, ...rest } = run;
  return { ...rest, createdByName: createdBy?.name ?? null, issues: storedRowIssues.parse(errors) };
}
