import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import type { TouchpointType } from "@/lib/generated/prisma/enums";
import { assertRole, type ActingUser } from "@/lib/server/authz";
import { ensureCalendarToken } from "@/lib/server/calendar/calendar-token";
import { getSettings } from "@/lib/server/settings/get-settings";

// The CSM's book: their touchpoints — overdue first, then what is coming — and the recently done ones.
// A touchpoint is theirs when they own it, or when it has no owner yet and its account is theirs.

export interface BookTouchpoint {
  id: string;
  type: TouchpointType;
  dueDate: Date;
  asapFlag: boolean;
  aeInvited: boolean;
  notes: string;
  completedAt: Date | null;
  accountId: string;
  accountName: string;
}

/** The two lists a CSM can open in full. */
export type BookList = "overdue" | "upcoming";

/** The list the page's `?show=` opens in full; anything else opens none. */
export function bookListParam(value: string | undefined): BookList | null {
  return value === "overdue" || value === "upcoming" ? value : null;
}

export interface Book {
  today: Date;
  overdue: BookTouchpoint[];
  upcoming: BookTouchpoint[];
  done: BookTouchpoint[];
  /** All of each list, whatever it shows: at company scale a book has up to 460 touchpoints in the next 120 days. */
  counts: Record<BookList, number>;
  /** The list shown in full (up to BOOK_EXPANDED_ROWS), if any. */
  expanded: BookList | null;
  calendarToken: string;
}

const UPCOMING_DAYS = 120;
/** Rows of each list, soonest first; the CSM opens one in full from the page. */
export const BOOK_LIST_ROWS = 50;
/** Rows of a list opened in full (a book has hundreds; the page says when there are more). */
export const BOOK_EXPANDED_ROWS = 1_000;

/**
 * The CSM's touchpoints as a `where`. Their accounts are read first (a book is tens of accounts): on account ids
 * PostgreSQL ORs two index scans (≈ 3 ms at company scale), where the same OR across a join to Account scanned
 * every touchpoint (≈ 200 ms per list).
 */
export async function myTouchpoints(userId: string, db: Tx = prisma): Promise<Prisma.TouchpointWhereInput> {
  const accounts = await db.account.findMany({ where: { csmId: userId }, select: { id: true } });
  return { OR: [{ ownerId: userId }, { ownerId: null, accountId: { in: accounts.map((account) => account.id) } }] };
}

const select = {
  id: true,
  type: true,
  dueDate: true,
  asapFlag: true,
  aeInvited: true,
  notes: true,
  completedAt: true,
  account: { select: { id: true, name: true } },
} as const;

type Selected = { account: { id: string; name: string } } & Omit<BookTouchpoint, "accountId" | "accountName">;
const flat = ({ account, ...row }: Selected): BookTouchpoint => ({ ...row, accountId: account.id, accountName: account.name });

export async function getBook(actor: ActingUser, now = new Date(), expand: BookList | null = null): Promise<Book> {
  assertRole(actor, ["CSM"]);
  const [{ calendar }, mine] = await Promise.all([getSettings(), myTouchpoints(actor.id)]);
  const today = companyToday(now, calendar.timezone);
  const where: Record<BookList, Prisma.TouchpointWhereInput> = {
    overdue: { ...mine, status: "PLANNED", dueDate: { lt: today } },
    upcoming: { ...mine, status: "PLANNED", dueDate: { gte: today, lte: addCalendarDays(today, UPCOMING_DAYS) } },
  };
  const list = (name: BookList) =>
    prisma.touchpoint.findMany({ where: where[name], orderBy: [{ dueDate: "asc" }, { id: "asc" }], take: expand === name ? BOOK_EXPANDED_ROWS : BOOK_LIST_ROWS, select });
  const [overdue, upcoming, done, overdueCount, upcomingCount, calendarToken] = await Promise.all([
    list("overdue"),
    list("upcoming"),
    prisma.touchpoint.findMany({ where: { ...mine, status: "DONE" }, orderBy: [{ completedAt: "desc" }, { id: "asc" }], take: 10, select }),
    prisma.touchpoint.count({ where: where.overdue }),
    prisma.touchpoint.count({ where: where.upcoming }),
    ensureCalendarToken(actor),
  ]);
  return {
    today,
    overdue: overdue.map(flat),
    upcoming: upcoming.map(flat),
    done: done.map(flat),
    counts: { overdue: overdueCount, upcoming: upcomingCount },
    expanded: expand,
    calendarToken,
  };
}
