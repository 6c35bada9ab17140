import { drillParams } from "@/lib/dashboard/params";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { firstValues } from "@/lib/paging";
import { exportCsv } from "@/lib/server/dashboard/export-csv";
import { getActingUser } from "@/lib/server/session";

// GET /dashboard/export/<table>?<period and cuts>: the table as CSV, authorized like the page that shows it.
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }): Promise<Response> {
  const user = await getActingUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const { table } = await params;
  const query = drillParams.parse(firstValues(Object.fromEntries(new URL(request.url).searchParams)));
  try {
    const { filename, body } = await exportCsv(user, table, query);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
