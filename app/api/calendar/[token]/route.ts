import { calendarFeed } from "@/lib/server/calendar/touchpoint-calendars";

// The CSM's subscribable touchpoint calendar: public (calendar apps cannot sign in) but answering only for a
// current secret token, `/api/calendar/<token>.ics`. Any other token gets the same bare 404.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const ics = token.endsWith(".ics") ? await calendarFeed(token.slice(0, -".ics".length)) : null;
  if (!ics) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300", "Content-Disposition": 'inline; filename="baton.ics"' },
  });
}
