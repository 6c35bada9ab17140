import { after } from "next/server";
import { AppError } from "@/lib/errors";
import { isImportKind } from "@/lib/imports/formats";
import { errorResponse } from "@/lib/server/http";
import { cleanFileName, maxUploadBytes, receiveUpload } from "@/lib/server/imports/start-upload";
import { checkDeclaredLength } from "@/lib/server/body-limit";
import { requireUser } from "@/lib/server/session";
import { assertSameOrigin } from "@/lib/server/same-origin";

// POST the CSV as the raw body (?kind=accounts, X-File-Name header). Answers 202 with the run's id at once;
// the rows import after the response while the page polls GET /api/admin/imports/<id>. Not behind proxy.ts
// (it would buffer and cut the body at 10 MB): the origin and the session are checked here, and the file
// streams to disk under its own limit (IMPORT_MAX_MB), refused whole when over it.
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireUser();
    const kind = new URL(request.url).searchParams.get("kind") ?? "";
    if (!isImportKind(kind)) throw new AppError("VALIDATION", "Choose what the file contains.", { kind: ["is not a known import format"] });
    checkDeclaredLength(request, maxUploadBytes(), "The file", "file");
    const fileName = cleanFileName(decodeURIComponent(request.headers.get("x-file-name") ?? ""), kind);
    const { runId, run } = await receiveUpload(user, { kind, fileName, body: request.body });
    after(run);
    return Response.json({ runId }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
