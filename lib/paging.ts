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
