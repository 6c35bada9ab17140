import { z } from "zod";

// One paged result shape for every list, and URL parameters that never throw: a bad value falls back.
export interface Paged<T> {
  data: T[];
  count: number;
  currentPage: number;
  perPage: number;
  totalPages: number;
}

export const pageParams = {
  page: z.coerce.number().int().min(1).catch(1),
  perPage: z.coerce.number().int().min(5).max(200).catch(25),
  dir: z.enum(["asc", "desc"]).catch("asc"),
};

export function paged<T>(data: T[], count: number, currentPage: number, perPage: number): Paged<T> {
  return { data, count, currentPage, perPage, totalPages: Math.max(1, Math.ceil(count / perPage)) };
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** First value of each parameter, so `?a=1&a=2` reads as "1" instead of failing a schema. */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

export interface Slice {
  skip: number;
  take: number;
}

/**
 * One page of a list read as two ordered parts, the first in full before the second ("needs action, then the
 * rest": open handoffs by due date, then finished ones newest first). Given how many rows the first part has,
 * returns the slice of each part that falls on the page; a part with `take` 0 need not be read.
 */
export function splitPage(firstCount: number, page: number, perPage: number): { first: Slice; second: Slice } {
  const start = (page - 1) * perPage;
  const firstTake = Math.max(0, Math.min(perPage, firstCount - start));
  return {
    first: { skip: Math.min(start, firstCount), take: firstTake },
    second: { skip: Math.max(0, start - firstCount), take: perPage - firstTake },
  };
}
