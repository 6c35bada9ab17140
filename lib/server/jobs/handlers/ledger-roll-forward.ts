import "server-only";
import { prisma } from "@/lib/db";
import { addCalendarDays, companyToday } from "@/lib/calendar/company-day";
import { logger } from "@/lib/logger";
import { pinLedgerDay } from "@/lib/server/ledger/ledger-day";
import { getSettings } from "@/lib/server/settings/get-settings";

// Account."arrCents" is the ARR as of today. A movement dated in the future (a contract that starts later, a renewal
// closed ahead of its date) counts from its day on: each night this brings the accounts whose movements came due up to
// date. It looks back this many days, so a worker that was down for weeks still catches up; running it twice is harmless.
const LOOK_BACK_DAYS = 62;

export async function rollLedgerForward(now: Date, options: { lookBackDays?: number } = {}): Promise<{ accounts: number }> {
  const settings = await getSettings();
  const today = companyToday(now, settings.calendar.timezone);
  const accounts = await prisma.$transaction(async (tx) => {
    await pinLedgerDay(tx, today);
    const [row] = await tx.$queryRaw<{ changed: number }[]>`SELECT ledger_roll_forward(${addCalendarDays(today, -(options.lookBackDays ?? LOOK_BACK_DAYS))}::date) AS changed`;
    return row?.changed ?? 0;
  });
  if (accounts > 0) logger.info({ accounts, today }, "ledger: ARR of accounts whose movements came due");
  return { accounts };
}
