import { z } from "zod";
import { API_ROUTES, type ApiRouteDef } from "@/lib/api/routes";
import { API_COMPONENTS, errorBody } from "@/lib/api/schemas";
import { ROLE_LABELS } from "@/lib/auth/roles";

// The OpenAPI 3.1 document of /api/v1, generated from the route table and its zod schemas (JSON Schema 2020-12,
// which OpenAPI 3.1 uses as is). Named schemas become components; everything else is inlined.

type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

const COMPONENT_PREFIX = "#/components/schemas/";

/** One schema as JSON Schema, its named parts collected into `components` and referred to by $ref. */
function toSchema(schema: z.ZodType, io: Io, components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, metadata: API_COMPONENTS, unrepresentable: "any" }) as JsonSchema;
  const { $schema: _ignored, $defs, ...rest } = json;
  for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) components[name] ??= relink(definition);
  return relink(rest);
}

function relink(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"${COMPONENT_PREFIX}`)) as JsonSchema;
}

function parameters(route: ApiRouteDef, components: Record<string, JsonSchema>): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [location, shape] of [["path", route.params], ["query", route.query]] as const) {
    if (!shape) continue;
    const object = toSchema(shape, "input", components) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(object.properties ?? {})) {
      const { description, ...rest } = schema;
      list.push({ name, in: location, required: location === "path" || (object.required ?? []).includes(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  if (route.idempotent) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "A key of your choice (1–200 characters). The same key and body replays the first response; a different body is refused.",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    });
  }
  return list;
}

function errorResponses(route: ApiRouteDef): Record<string, JsonSchema> {
  const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: `${COMPONENT_PREFIX}Error` } } } });
  return {
    "401": error("Missing, unknown or revoked token, or its user is deactivated"),
    "403": error(`The token's role may not call this (allowed: ${route.roles.map((role) => ROLE_LABELS[role]).join(", ")})`),
    ...(route.params ? { "404": error("Not found (or not visible to this token)") } : {}),
    ...(route.method !== "GET" ? { "409": error("Conflicts with the stored state") } : {}),
    "422": error("Invalid parameters or body; `fields` names each failing field"),
  };
}

export function buildOpenApiDocument(serverUrl = "/api/v1"): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  toSchema(errorBody, "output", components);
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of Object.values(API_ROUTES) as ApiRouteDef[]) {
    const operation: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      "x-roles": route.roles,
      parameters: parameters(route, components),
      ...(route.body
        ? { requestBody: { required: !route.idempotent, content: { "application/json": { schema: toSchema(route.body, "input", components) } } } }
        : {}),
      responses: {
        [String(route.status)]: { description: "OK", content: { "application/json": { schema: toSchema(route.response, "output", components) } } },
        ...errorResponses(route),
      },
    };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Baton API",
      version: "1.0.0",
      description:
        "For the CRM and BI. Authenticate with `Authorization: Bearer <token>` (an admin creates tokens under Admin → API tokens; " +
        "each acts as its user with its own role). Errors are JSON `{ code, message, fields }`. Money is a string of dollars.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API token created by an admin" } },
      schemas: components,
    },
  };
}
