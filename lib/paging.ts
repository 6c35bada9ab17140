import { z } from "zod";

// One paged result shape for every list, and URL parameters that never throw: a bad value falls back.
export interface Paged<T> {
  data: T[];
  count: number;
  currentPage: number;
  perPage: number;
  totalPages: number;
}

/** A page read from a cursor (lib/keyset.ts): the cursors of the pages before and after it, null at either end. */
export interface KeysetPaged<T> extends Paged<T> {
  previous: string | null;
  next: string | null;
}

/**
 * The one paging schema: `page` counts from 1, `perPage` is at most 200. The app's lists read it from the URL
 * leniently (a bad value falls back, so a hand-edited URL never throws; pages of 5 to 200, 25 by default); the
 * API strictly (a bad value is a 422 naming the field; pages of 1 to 200, 50 by default).
 */
function paging(minPerPage: number) {
  return { page: z.coerce.number().int().min(1), perPage: z.coerce.number().int().min(minPerPage).max(200) };
}

const app = paging(5);
const api = paging(1);

export const pageParams = {
  page: app.page.catch(1),
  perPage: app.perPage.catch(25),
  dir: z.enum(["asc", "desc"]).catch("asc"),
};

export const apiPageQuery = {
  page: api.page.default(1),
  perPage: api.perPage.default(50),
};

/** The rows of one page, for Prisma (`skip`/`take`) or raw SQL (`OFFSET skip LIMIT take`). */
export function pageArgs(params: { page: number; perPage: number }): Slice {
  return { skip: (params.page - 1) * params.perPage, take: params.perPage };
}

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
  const start = pageArgs({ page, perPage }).skip;
  const firstTake = Math.max(0, Math.min(perPage, firstCount - start));
  return {
    first: { skip: Math.min(start, firstCount), take: firstTake },
    second: { skip: Math.max(0, start - firstCount), take: perPage - firstTake },
  };
}

/** The first few of a list a page prints, and how many it leaves to the CSV or a details page. */
export interface Shown<T> {
  items: T[];
  /** How many were left out. */
  more: number;
}

export function firstOf<T>(items: readonly T[], limit: number): Shown<T> {
  return { items: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

/**
 * Rows read by id (`id IN (…)`, which returns them in no order) put back in the order of `ids`: a page whose order
 * one SQL statement worked out, read in full by a second.
 */
export function inIdOrder<T extends { id: string }>(rows: readonly T[], ids: readonly string[]): T[] {
  const position = new Map(ids.map((id, index) => [id, index]));
  return [...rows].sort((a, b) => (position.get(a.id) ?? ids.length) - (position.get(b.id) ?? ids.length));
}
