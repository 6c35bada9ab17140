import { readDocument } from "@/lib/server/handoffs/policy/documents";
import { errorResponse } from "@/lib/server/http";
import { requireUser } from "@/lib/server/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    const document = await readDocument(user, id);
    return new Response(new Uint8Array(document.content), {
      headers: {
        "Content-Type": document.mimeType,
        "Content-Length": String(document.sizeBytes),
        // The original name is kept; encoded so any character survives the header.
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(document.originalName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
