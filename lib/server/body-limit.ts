import "server-only";
import { AppError } from "@/lib/errors";

// Request bodies are read as streams with their own limit: the declared Content-Length is checked first (a file
// over the limit is refused before a byte is stored), and the bytes actually received are counted as they
// arrive, so a body without a length, or with a false one, is refused whole when it passes the limit, never cut.

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export function bodyTooLarge(limit: number, what: string, field?: string): AppError {
  const message = `${what} is larger than ${megabytes(limit)}.`;
  return new AppError("VALIDATION", message, field ? { [field]: [`must be at most ${megabytes(limit)}`] } : undefined);
}

/** Refuses at once when the declared length is over the limit. */
export function checkDeclaredLength(request: Request, limit: number, what: string, field?: string): void {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw bodyTooLarge(limit, what, field);
}

/** The body as a stream that errors with the "larger than" message as soon as more than `limit` bytes arrive. */
export function limitedBody(body: ReadableStream<Uint8Array>, limit: number, what: string, field?: string): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(bodyTooLarge(limit, what, field));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** The whole body as text, at most `limit` bytes, read as it streams. */
export async function readTextWithin(request: Request, limit: number, what = "The body"): Promise<string> {
  checkDeclaredLength(request, limit, what);
  if (!request.body) return "";
  const reader = limitedBody(request.body, limit, what).getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
