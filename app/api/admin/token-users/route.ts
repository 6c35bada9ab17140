import { AppError } from "@/lib/errors";
import { searchTokenUsers, tokenUsersQuery } from "@/lib/server/api-tokens/list-api-tokens";
import { errorResponse } from "@/lib/server/http";
import { getActingUser } from "@/lib/server/session";

// The API-token form's "Acts as" picker: GET /api/admin/token-users?q=… → { people: [{ id, name, email, role }] },
// at most 20 active users; admins only (403 otherwise).
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getActingUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
    const parsed = tokenUsersQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("VALIDATION", "Type at most 100 characters.", { q: ["at most 100 characters"] });
    return Response.json({ people: await searchTokenUsers(user, parsed.data) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
