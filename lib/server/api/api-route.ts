import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { ApiRouteDef } from "@/lib/api/routes";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { errorResponse } from "@/lib/server/http";
import { authenticateApiRequest, type ApiCaller } from "@/lib/server/api/authenticate";
import { requestHash, withIdempotency } from "@/lib/server/api/idempotency";
import { fieldErrorsOf } from "@/lib/server/actions/result";
import { readTextWithin } from "@/lib/server/body-limit";
import { retryOnContention } from "@/lib/server/db/retry-on-contention";
import { nulFieldErrors } from "@/lib/input/text";

// Builds a route handler from its entry in the route table: bearer token → role check → parameters, query
// and body validated with the entry's zod schemas → the work → the response checked against the documented
// schema. Every refusal is JSON { code, message, fields }; nothing else (no stack) leaves the server.

const MAX_BODY_BYTES = 1_000_000;
const MAX_IDEMPOTENCY_KEY = 200;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiContext<R extends ApiRouteDef> {
  caller: ApiCaller;
  params: Out<R["params"]>;
  query: Out<R["query"]>;
  body: Out<R["body"]>;
  /** Set when the call runs inside its Idempotency-Key transaction: do the work on it. */
  tx?: Tx;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("VALIDATION", `The ${what} ${what === "body" ? "has" : "have"} invalid fields.`, fieldErrorsOf(result.error));
  return result.data;
}

/** Path segments as the client meant them (`ana%40acme.com` → `ana@acme.com`), whether or not the router decoded them. */
function decodeParams(params: Record<string, string | string[]>): Record<string, string | string[]> {
  const decode = (value: string) => {
    try {
      return value.includes("%") ? decodeURIComponent(value) : value;
    } catch {
      return value;
    }
  };
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.map(decode) : decode(value)]));
}

/** Read as it streams and refused past 1 MB (never read whole first). */
async function readJson(request: Request): Promise<unknown> {
  const text = await readTextWithin(request, MAX_BODY_BYTES);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The body is not valid JSON.");
  }
}

function refuseNul(fields: Record<string, string[]>): void {
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "Text may not contain NUL characters.", fields);
}

export function apiRoute<R extends ApiRouteDef>(route: R, work: (context: ApiContext<R>) => Promise<z.input<R["response"]>>) {
  return async (request: Request, segment: { params: Promise<Record<string, string | string[]>> } = { params: Promise.resolve({}) }) => {
    try {
      const caller = await authenticateApiRequest(request);
      if (!route.roles.includes(caller.user.role)) {
        throw forbidden(`A ${ROLE_LABELS[caller.user.role]} token cannot call ${route.method} /api/v1${route.path}.`);
      }
      const rawParams = decodeParams((await segment.params) ?? {});
      const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
      const rawBody = route.body ? await readJson(request) : undefined;
      refuseNul({ ...nulFieldErrors(rawParams, "path"), ...nulFieldErrors(rawQuery, "query"), ...nulFieldErrors(rawBody, "body") });
      const params = (route.params ? parse(route.params, rawParams, "path parameters") : undefined) as Out<R["params"]>;
      const query = (route.query ? parse(route.query, rawQuery, "query parameters") : undefined) as Out<R["query"]>;
      const body = (route.body ? parse(route.body, rawBody, "body") : undefined) as Out<R["body"]>;
      const respond = async (tx?: Tx) => ({ status: route.status, body: route.response.parse(await work({ caller, params, query, body, tx })) });

      const key = route.idempotent ? request.headers.get("idempotency-key")?.trim() : undefined;
      // A write that contends (the same deal closed by many calls) is run again rather than answered with a 500.
      const attempt = <T>(work: () => Promise<T>) => (route.method === "GET" ? work() : retryOnContention(work));
      if (key === undefined || key === null) {
        const result = await attempt(() => respond());
        return Response.json(result.body, { status: result.status });
      }
      if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY) {
        throw new AppError("VALIDATION", "The Idempotency-Key header must be 1 to 200 characters.", { "Idempotency-Key": ["must be 1 to 200 characters"] });
      }
      const path = new URL(request.url).pathname;
      const result = await attempt(() => withIdempotency(`${caller.tokenId}:${key}`, requestHash(route.method, path, rawBody ?? {}), respond));
      return Response.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
