// Time to first value: whole days from the account's initial close to its first-value milestone, shown as a
// median and as these buckets (lower and upper bound in days, both included; null = no upper bound).

export interface TtfvBucket {
  label: string;
  min: number;
  max: number | null;
}

export const TTFV_BUCKETS: readonly TtfvBucket[] = [
  { label: "0–7 days", min: 0, max: 7 },
  { label: "8–14 days", min: 8, max: 14 },
  { label: "15–30 days", min: 15, max: 30 },
  { label: "31–60 days", min: 31, max: 60 },
  { label: "61–90 days", min: 61, max: 90 },
  { label: "91+ days", min: 91, max: null },
];

export function ttfvBucketOf(days: number): TtfvBucket | null {
  return TTFV_BUCKETS.find((bucket) => days >= bucket.min && (bucket.max === null || days <= bucket.max)) ?? null;
}
