import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/http";
import { globalSearch } from "@/lib/server/search/global-search";
import { getActingUser } from "@/lib/server/session";

// The header search's results as JSON, for the signed-in user only and scoped to what they may see.
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getActingUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
    const results = await globalSearch(user, new URL(request.url).searchParams.get("q") ?? "");
    return Response.json(results, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
