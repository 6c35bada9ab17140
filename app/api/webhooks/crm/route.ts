import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/http";
import { readTextWithin } from "@/lib/server/body-limit";
import { receiveCrmEvent } from "@/lib/server/webhooks/receive-crm-event";
import { SIGNATURE_HEADER } from "@/lib/webhooks/signature";

// The CRM's deliveries (README.md "CRM webhook"). Authenticated by the signature, not by a session.
const MAX_BODY_BYTES = 1_000_000;

export async function POST(request: Request) {
  try {
    const secret = env().CRM_WEBHOOK_SECRET;
    if (!secret) throw new AppError("NOT_FOUND", "The CRM webhook is not configured (CRM_WEBHOOK_SECRET).");
    const rawBody = await readTextWithin(request, MAX_BODY_BYTES);
    const reply = await receiveCrmEvent({ rawBody, signature: request.headers.get(SIGNATURE_HEADER), secret });
    return Response.json(reply, { status: 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
