import { buildOpenApiDocument } from "@/lib/api/openapi";

// Public: the document describes the API; every operation in it still needs a token.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument());
}
