import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/http";
import { peopleQuery, searchFilterPeople } from "@/lib/server/people/filter-people";
import { getActingUser } from "@/lib/server/session";

// The list pickers' look-up: GET /api/people?role=CSM|AE&q=…&limit=… → { people: [{ id, name, email }] }, at most 20,
// only people the signed-in user may filter by (lib/server/people/permissions.ts); 403 for a role they may not.
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getActingUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
    const parsed = peopleQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("VALIDATION", "Ask for role CSM or AE, a text of at most 100 characters and a limit of 1 to 20.");
    const people = await searchFilterPeople(user, parsed.data);
    return Response.json({ people }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
