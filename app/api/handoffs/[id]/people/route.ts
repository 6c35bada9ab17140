import { AppError } from "@/lib/errors";
import { flowPeopleQuery, searchFlowPeople } from "@/lib/server/handoffs/flows/flow-people";
import { errorResponse } from "@/lib/server/http";
import { getActingUser } from "@/lib/server/session";

// The Expansion coordination's pickers: GET /api/handoffs/{id}/people?for=owner|lead&q=… → { people: [{ id, name,
// email, role }] }, at most 20 active AEs (owner) or AEs and CSMs (lead); 404 for a handoff the user does not see,
// 403 for one they may not record steps on, 409 when it is closed or not an Expansion coordination.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await getActingUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
    const parsed = flowPeopleQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("VALIDATION", "Ask for=owner or for=lead and a text of at most 100 characters.", { for: ["Choose owner or lead"] });
    const { id } = await params;
    const people = await searchFlowPeople(user, id, parsed.data);
    return Response.json({ people }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
