import { AppError } from "@/lib/errors";
import { uploadDocumentInput, uploadHandoffDocument, MAX_DOCUMENT_BYTES } from "@/lib/server/handoffs/policy/documents";
import { checkDeclaredLength, limitedBody } from "@/lib/server/body-limit";
import { errorResponse } from "@/lib/server/http";
import { requireUser } from "@/lib/server/session";
import { assertSameOrigin } from "@/lib/server/same-origin";

// Multipart room around the file itself (boundaries, the kind field).
const FORM_OVERHEAD_BYTES = 64 * 1024;

// Not behind proxy.ts (it would buffer and cut the body at 10 MB): the session and the origin are checked here,
// and the body is read as a stream that is refused whole past the document limit.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const user = await requireUser();
    const { id } = await params;
    const limit = MAX_DOCUMENT_BYTES + FORM_OVERHEAD_BYTES;
    checkDeclaredLength(request, limit, "The file", "file");
    if (!request.body) throw new AppError("VALIDATION", "Choose a file to upload.", { file: ["Choose a file"] });
    const form = await new Response(limitedBody(request.body, limit, "The file", "file"), { headers: { "content-type": request.headers.get("content-type") ?? "" } })
      .formData()
      .catch((error: unknown) => {
        throw error instanceof AppError ? error : new AppError("VALIDATION", "The upload could not be read; try again.", { file: ["could not be read"] });
      });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("VALIDATION", "Choose a file to upload.", { file: ["Choose a file"] });
    const input = uploadDocumentInput.safeParse({ handoffId: id, kind: form.get("kind"), fileName: file.name });
    if (!input.success) throw new AppError("VALIDATION", input.error.issues[0]?.message ?? "Check the form.", { kind: [input.error.issues[0]?.message ?? ""] });
    const result = await uploadHandoffDocument(user, input.data, Buffer.from(await file.arrayBuffer()));
    return Response.json(result, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
