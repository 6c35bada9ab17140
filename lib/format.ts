// Display helpers. Money arrives as integer cents (bigint from Prisma, string from raw SQL aggregates).

const usdWhole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

type Cents = bigint | number | string;

function toBigInt(cents: Cents): bigint {
  return typeof cents === "bigint" ? cents : BigInt(typeof cents === "number" ? Math.round(cents) : cents);
}

/** Exact: formats whole dollars and cents from integer cents without going through a float. */
export function formatCents(cents: Cents): string {
  const value = toBigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const dollars = usdWhole.format(abs / 100n).replace("$", "");
  const rest = String(abs % 100n).padStart(2, "0");
  return `${negative ? "-" : ""}$${dollars}.${rest}`;
}

export function formatCentsWhole(cents: Cents): string {
  return usdWhole.format(Number(toBigInt(cents) / 100n));
}

/** Exact money: whole dollars when there are no cents ("$120,000"), else to the cent ("$120,000.50"). */
export function formatMoney(cents: Cents): string {
  return toBigInt(cents) % 100n === 0n ? formatCentsWhole(cents) : formatCents(cents);
}

export function formatCentsCompact(cents: Cents): string {
  return usdCompact.format(Number(toBigInt(cents)) / 100);
}

export function formatPercent(ratio: number | null, digits = 1): string {
  return ratio === null ? "—" : `${(ratio * 100).toFixed(digits)}%`;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** For @db.Date values, stored at UTC midnight. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a list formats a date per row: one
// formatter per zone (a handful: the company's and the users' own; the zones come from stored data, so at most 100).
function perZone(options: Intl.DateTimeFormatOptions): (timeZone: string) => Intl.DateTimeFormat {
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
      if (formats.size >= 100) formats.clear();
      formats.set(timeZone, format);
    }
    return format;
  };
}

const dateTimeFormat = perZone({ dateStyle: "medium", timeStyle: "short" });
const zoneNameFormat = perZone({ timeZoneName: "short" });

export function formatDateTime(date: Date, timeZone: string): string {
  return dateTimeFormat(timeZone).format(date);
}

/** An instant in a time zone with the zone's abbreviation: "Nov 17, 2026, 10:00 AM EST". */
export function formatDateTimeInZone(date: Date, timeZone: string): string {
  return formatDateTime(date, timeZone) + " " + (zoneNameFormat(timeZone).formatToParts(date).find((part) => part.type === "timeZoneName")?.value ?? timeZone);
}
