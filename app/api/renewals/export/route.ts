import { companyToday } from "@/lib/calendar/company-day";
import { AppError } from "@/lib/errors";
import { firstValues } from "@/lib/paging";
import { renewalsCsv } from "@/lib/renewals/csv";
import { errorResponse } from "@/lib/server/http";
import { listAllRenewals, renewalListParams } from "@/lib/server/renewals/list-renewals";
import { getActingUser } from "@/lib/server/session";

// The renewal pipeline's current view as CSV: the page's own filters and sort, every page, for the signed-in
// user's visible renewals only.
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getActingUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
    const url = new URL(request.url);
    const params = renewalListParams.parse(firstValues(Object.fromEntries(url.searchParams.entries())));
    const rows = await listAllRenewals(user, params);
    const day = companyToday(new Date(), "UTC").toISOString().slice(0, 10);
    return new Response(renewalsCsv(rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="renewals-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
