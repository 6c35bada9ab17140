import { errorResponse } from "@/lib/server/http";
import { getImportRun } from "@/lib/server/imports/import-runs";
import { requireUser } from "@/lib/server/session";

// The progress and report of one import, polled by the admin page.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const run = await getImportRun(await requireUser(), id);
    return Response.json({ ...run, issues: run.issues.slice(0, 500) });
  } catch (error) {
    return errorResponse(error);
  }
}
