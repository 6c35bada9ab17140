import "server-only";
import { prisma } from "@/lib/db";
import { touchpointCalendar, type CalendarDay } from "@/lib/calendar/ics";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { env } from "@/lib/env";
import { TOUCHPOINT_LABELS } from "@/lib/labels";
import type { TouchpointType } from "@/lib/generated/prisma/enums";
import { findVisibleAccount } from "@/lib/server/accounts/access";
import type { ActingUser } from "@/lib/server/authz";
import { getSettings } from "@/lib/server/settings/get-settings";
import { myTouchpoints } from "@/lib/server/touchpoints/get-book";

// Touchpoints as .ics: the CSM's subscribable feed (by secret token, no session) and one account's download.

// The feed keeps a quarter of history so a calendar app does not drop events the CSM just held.
const FEED_HISTORY_DAYS = 90;

type Row = { id: string; type: TouchpointType; dueDate: Date; notes: string; status: string; asapFlag: boolean; aeInvited: boolean; sourceDealId: string | null; account: { id: string; name: string } };
type Calls = Map<string, { startsAt: Date; durationMinutes: number }>;

/** The handoff calls behind HANDOFF_CALL touchpoints, by deal, so they appear at their time. */
async function callsFor(rows: readonly Row[]): Promise<Calls> {
  const dealIds = rows.filter((row) => row.type === "HANDOFF_CALL" && row.sourceDealId).map((row) => row.sourceDealId!);
  if (dealIds.length === 0) return new Map();
  const meetings = await prisma.meeting.findMany({ where: { kind: "HANDOFF_CALL", dealId: { in: dealIds } }, orderBy: { createdAt: "asc" }, select: { dealId: true, startsAt: true, durationMinutes: true } });
  return new Map(meetings.map((m) => [m.dealId!, { startsAt: m.startsAt, durationMinutes: m.durationMinutes }]));
}

function toDay(row: Row, calls: Calls): CalendarDay {
  const details = [
    row.status === "DONE" ? "Done." : null,
    row.asapFlag ? "As soon as possible: the timing rule fell before the close." : null,
    row.aeInvited ? "Invite the AE." : null,
    row.notes || null,
  ].filter(Boolean);
  return {
    uid: `touchpoint-${row.id}@baton`,
    date: row.dueDate,
    timed: row.type === "HANDOFF_CALL" && row.sourceDealId ? calls.get(row.sourceDealId) : undefined,
    summary: `${TOUCHPOINT_LABELS[row.type]}: ${row.account.name}`,
    description: details.join("\n"),
    url: `${env().APP_URL}/accounts/${row.account.id}`,
  };
}

const select = { id: true, type: true, dueDate: true, notes: true, status: true, asapFlag: true, aeInvited: true, sourceDealId: true, account: { select: { id: true, name: true } } } as const;

/** The feed for a token, or null when no active CSM holds it (the route answers 404 without saying more). */
export async function calendarFeed(token: string, now = new Date()): Promise<string | null> {
  if (token.length < 20) return null;
  const user = await prisma.user.findFirst({ where: { calendarToken: token, active: true, role: "CSM" }, select: { id: true, name: true } });
  if (!user) return null;
  const [{ calendar }, mine] = await Promise.all([getSettings(), myTouchpoints(user.id)]);
  const since = addCalendarDays(companyToday(now, calendar.timezone), -FEED_HISTORY_DAYS);
  const rows = await prisma.touchpoint.findMany({
    where: { ...mine, status: { in: ["PLANNED", "DONE"] }, dueDate: { gte: since } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select,
  });
  const calls = await callsFor(rows);
  return touchpointCalendar(`Baton — ${user.name}`, rows.map((row) => toDay(row, calls)), now);
}

/** One account's touchpoints, for whoever may see the account. */
export async function accountCalendar(actor: ActingUser, accountId: string, now = new Date()): Promise<{ fileName: string; ics: string }> {
  const account = await findVisibleAccount(actor, accountId);
  const rows = await prisma.touchpoint.findMany({
    where: { accountId: account.id, status: { in: ["PLANNED", "DONE"] } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select,
  });
  const slug = account.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "account";
  const calls = await callsFor(rows);
  return { fileName: `${slug}-touchpoints.ics`, ics: touchpointCalendar(`Baton — ${account.name}`, rows.map((row) => toDay(row, calls)), now) };
}
