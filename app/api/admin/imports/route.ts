import { after } from "next/server";
import { AppError } from "@/lib/errors";
import { isImportKind } from "@/lib/imports/formats";
import { errorResponse } from "@/lib/server/http";
import { cleanFileName, receiveUpload } from "@/lib/server/imports/start-upload";
import { requireUser } from "@/lib/server/session";
import { assertSameOrigin } from "@/lib/server/same-origin";

// POST the CSV as the raw body (?kind=accounts, X-File-Name header). Answers 202 with the run's id at once;
// the rows import after the response while the page polls GET /api/admin/imports/<id>.
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireUser();
    const kind = new URL(request.url).searchParams.get("kind") ?? "";
    if (!isImportKind(kind)) throw new AppError("VALIDATION", "Choose what the file contains.", { kind: ["is not a known import format"] });
    const fileName = cleanFileName(decodeURIComponent(request.headers.get("x-file-name") ?? ""), kind);
    const { runId, run } = await receiveUpload(user, { kind, fileName, body: request.body });
    after(run);
    return Response.json({ runId }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
