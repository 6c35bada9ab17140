import { AppError } from "@/lib/errors";
import { uploadDocumentInput, uploadHandoffDocument, MAX_DOCUMENT_BYTES } from "@/lib/server/handoffs/policy/documents";
import { errorResponse } from "@/lib/server/http";
import { requireUser } from "@/lib/server/session";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES + 64 * 1024) {
      throw new AppError("VALIDATION", "The file is larger than 20 MB.", { file: ["The file is larger than 20 MB"] });
    }
    const form = await request.formData();
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
