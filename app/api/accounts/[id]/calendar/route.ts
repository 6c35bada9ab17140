import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/http";
import { accountCalendar } from "@/lib/server/calendar/touchpoint-calendars";
import { getActingUser } from "@/lib/server/session";

// One account's touchpoints as an .ics download, for whoever may see the account.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await getActingUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
    const { id } = await params;
    const { fileName, ics } = await accountCalendar(user, id);
    return new Response(ics, {
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
