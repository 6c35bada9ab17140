import { z } from "zod";
import { calendarDay } from "@/lib/input/dates";
import { DEFAULT_FORECAST_SETTINGS, forecastSettingsSchema } from "@/lib/forecast/settings";

// Every rule Baton applies, with SPEC.md's defaults. Stored one row per key in the Setting table and
// read only through lib/server/settings; nothing else hard-codes these numbers.

const nonNegative = z.number().min(0);
const days = z.number().int().min(0).max(3650);
const centsAmount = z.number().int().min(0);

const tierCapacity = z.object({
  minAccounts: z.number().int().min(1),
  maxAccounts: z.number().int().min(1),
  maxArrCents: centsAmount,
});

export const settingsSchema = z.object({
  scoring: z.object({
    base: z.number(),
    capacityHighThreshold: z.number().min(0).max(1),
    capacityHighPenalty: nonNegative,
    capacityMediumThreshold: z.number().min(0).max(1),
    capacityMediumPenalty: nonNegative,
    segmentExpertise: nonNegative,
    industryExpertise: nonNegative,
    perOverlappingProduct: nonNegative,
    sameTimezone: nonNegative,
    languageMatch: nonNegative,
    npsFactor: nonNegative,
    retentionFactor: nonNegative,
  }),
  capacity: z.object({ ENTERPRISE: tierCapacity, MID_MARKET: tierCapacity, SCALE: tierCapacity }),
  timing: z.object({
    kickoffDaysAfterClose: days,
    trainingDaysAfterKickoff: days,
    goLiveDaysAfterTraining: days,
    checkInDaysAfterClose: days,
    healthCheckDaysAfterClose: days,
    qbrDaysAfterClose: days,
    renewalPlanningDaysBefore: days,
    renewalCallDaysBefore: days,
    renewalCloseDaysBefore: days,
    handoffCallMinutes: z.number().int().min(5).max(480),
  }),
  handoff: z.object({
    slaBusinessHours: z.number().int().min(1).max(1000),
    neverSkipAboveCents: centsAmount,
    strategicNeedsMeeting: z.boolean(),
    renewalOpportunityAlertHours: z.number().int().min(1),
    renewalHandoffDaysBefore: days,
    renewalAlertDays: z.array(days).min(1),
  }),
  calendar: z.object({
    timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as America/New_York"),
    // ISO weekday numbers: 1 = Monday … 7 = Sunday.
    workingDays: z.array(z.number().int().min(1).max(7)).min(1),
    holidays: z.array(calendarDay("dates are YYYY-MM-DD")),
    // The workday a person has unless their profile says otherwise: meeting slots are offered inside it.
    workdayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM").default("09:00"),
    workdayEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM").default("17:00"),
  }),
  expansionCredit: z.object({
    ratePercent: z.number().min(0).max(100),
    windowMonths: z.number().int().min(1).max(120),
  }),
  targets: z.object({
    grossRetentionPct: z.number(),
    netRetentionPct: z.number(),
    renewalVisibilityPct: z.number(),
    timeToFirstValueDays: z.number(),
    handoffSatisfaction: z.number(),
  }),
  revenue: z.object({
    // Why ARR is lost (a renewal closed lost or downsold, a churn or contraction from billing). "Other" asks for a note.
    lossReasons: z.array(z.string().trim().min(1).max(60)).min(1, "keep at least one reason"),
  }),
  forecast: forecastSettingsSchema,
  integrations: z.object({
    // Slack incoming webhook for handoff, assignment and renewal notifications; empty = Slack off.
    slackWebhookUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be an https:// Slack incoming-webhook URL, or empty" })]),
  }),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const USD = 100;

export const DEFAULT_SETTINGS: Settings = {
  scoring: {
    base: 100,
    capacityHighThreshold: 0.9,
    capacityHighPenalty: 40,
    capacityMediumThreshold: 0.8,
    capacityMediumPenalty: 20,
    segmentExpertise: 25,
    industryExpertise: 20,
    perOverlappingProduct: 10,
    sameTimezone: 15,
    languageMatch: 15,
    npsFactor: 0.2,
    retentionFactor: 0.3,
  },
  capacity: {
    ENTERPRISE: { minAccounts: 10, maxAccounts: 15, maxArrCents: 5_000_000 * USD },
    MID_MARKET: { minAccounts: 30, maxAccounts: 50, maxArrCents: 2_000_000 * USD },
    SCALE: { minAccounts: 100, maxAccounts: 200, maxArrCents: 500_000 * USD },
  },
  timing: {
    kickoffDaysAfterClose: 3,
    trainingDaysAfterKickoff: 7,
    goLiveDaysAfterTraining: 14,
    checkInDaysAfterClose: 14,
    healthCheckDaysAfterClose: 30,
    qbrDaysAfterClose: 90,
    renewalPlanningDaysBefore: 90,
    renewalCallDaysBefore: 60,
    renewalCloseDaysBefore: 30,
    handoffCallMinutes: 30,
  },
  handoff: {
    slaBusinessHours: 72,
    neverSkipAboveCents: 50_000 * USD,
    strategicNeedsMeeting: true,
    renewalOpportunityAlertHours: 24,
    renewalHandoffDaysBefore: 90,
    renewalAlertDays: [90, 60, 30],
  },
  calendar: {
    timezone: "America/New_York",
    workingDays: [1, 2, 3, 4, 5],
    holidays: [
      "2025-01-01", "2025-01-20", "2025-05-26", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
      "2026-01-01", "2026-01-19", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25",
      "2027-01-01", "2027-01-18", "2027-05-31", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24",
    ],
    workdayStart: "09:00",
    workdayEnd: "17:00",
  },
  expansionCredit: { ratePercent: 10, windowMonths: 18 },
  targets: {
    grossRetentionPct: 95,
    netRetentionPct: 110,
    renewalVisibilityPct: 100,
    timeToFirstValueDays: 30,
    handoffSatisfaction: 4.5,
  },
  revenue: {
    lossReasons: ["Price", "Budget", "Product gap", "Champion left", "Acquired / merged", "Competitor", "Went out of business", "Other"],
  },
  forecast: DEFAULT_FORECAST_SETTINGS,
  integrations: { slackWebhookUrl: "" },
};

/** Reads stored rows over the defaults; a stored value that no longer validates falls back to its default. */
export function mergeSettings(rows: ReadonlyArray<{ key: string; value: unknown }>): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const field = settingsSchema.shape[row.key as SettingKey];
    if (!field) continue;
    const parsed = field.safeParse(row.value);
    if (parsed.success) merged[row.key] = parsed.data;
  }
  return settingsSchema.parse(merged);
}
