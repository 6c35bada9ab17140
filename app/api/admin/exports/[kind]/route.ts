import { AppError } from "@/lib/errors";
import { isExportKind } from "@/lib/imports/formats";
import { errorResponse } from "@/lib/server/http";
import { exportCsv } from "@/lib/server/exports/export-csv";
import { requireUser } from "@/lib/server/session";

// An admin's CSV download, streamed a page of rows at a time.
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const { kind } = await params;
    if (!isExportKind(kind)) throw new AppError("NOT_FOUND", "There is no such export.");
    const stream = exportCsv(await requireUser(), kind);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${kind}-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
