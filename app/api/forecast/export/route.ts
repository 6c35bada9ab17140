import { AppError } from "@/lib/errors";
import { forecastCsv } from "@/lib/forecast/csv";
import { firstValues } from "@/lib/paging";
import { errorResponse } from "@/lib/server/http";
import { forecastParams, listForecastRows } from "@/lib/server/forecast/get-forecast";
import { getActingUser } from "@/lib/server/session";

// The forecast page's current view as CSV: the quarter, cuts and drill of the page, every row, in the user's scope.
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getActingUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
    const url = new URL(request.url);
    const params = forecastParams.parse(firstValues(Object.fromEntries(url.searchParams.entries())));
    const rows = await listForecastRows(user, params);
    return new Response(forecastCsv(rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="forecast-${params.quarter ?? "this-quarter"}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
