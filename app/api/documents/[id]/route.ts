import { contentDisposition, downloadName } from "@/lib/documents/download-name";
import { readDocument } from "@/lib/server/handoffs/policy/documents";
import { errorResponse } from "@/lib/server/http";
import { requireUser } from "@/lib/server/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    const document = await readDocument(user, id);
    // Named from a safe base and the content type Baton checked at upload, never the uploader's extension.
    const name = downloadName(document.originalName, document.mimeType, document.kind.toLowerCase().replace(/_/g, "-"));
    return new Response(new Uint8Array(document.content), {
      headers: {
        "Content-Type": document.mimeType,
        "Content-Length": String(document.sizeBytes),
        "Content-Disposition": contentDisposition(name),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
