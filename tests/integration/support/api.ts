import type { Role } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import type { ActingUser } from "@/lib/server/authz";
import { createUser } from "./fixtures";

/** An API token for `user` (with its own role unless given), created by a fresh admin. */
export async function tokenFor(user: ActingUser, role: Role = user.role): Promise<string> {
  const admin = (await prisma.user.findFirst({ where: { role: "ADMIN", active: true }, select: { id: true, email: true, name: true, role: true, managerId: true } })) ?? (await createUser("ADMIN"));
  return (await createApiToken(admin, { name: `token ${user.name}`, userId: user.id, role })).secret;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler the way Next does, with a JSON body and the bearer token. */
export async function call(
  handler: Handler,
  options: { token?: string; method?: string; path?: string; params?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost/api/v1${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
