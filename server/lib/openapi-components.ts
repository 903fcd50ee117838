import { zodToOpenAPIRegistry, type OpenAPIRegistry, type ResponseConfig, type RouteConfig, type ZodRequestBody } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { pagination } from "@shared/contracts/common";
import { errorBody, errorDetail, errorStatus } from "@shared/errors";
import type { ErrorSpec, SecurityRequirements } from "./route-table";

/*
 * Building blocks the route tables' OpenAPI registration uses, so operations read alike.
 *
 * Naming schemas: `nameSchema(sharedSchema, "Product")` puts the shared contract schema ITSELF under
 * components/schemas/Product, so every place it appears — also nested inside other contract schemas such
 * as productList — becomes a $ref, and the document reuses the contracts' composite shapes as they are.
 * It writes the same metadata `.openapi("Product")` would, straight into zod-to-openapi's metadata registry:
 * `.openapi()` needs extendZodWithOpenApi, and in zod 4 that prototype patch only reaches schemas created
 * after it (shared/contracts are evaluated long before this module, and must not import the library:
 * the React client uses them). zod's own `.meta({ id })` would work only on a copy, which nested uses miss.
 */
const namedSchemas = new Map<string, z.ZodType>();

export function nameSchema<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  const owner = namedSchemas.get(id);
  if (owner && owner !== schema) throw new Error(`OpenAPI schema name ${id} is already used by another schema.`);
  namedSchemas.set(id, schema);
  const current = zodToOpenAPIRegistry.get(schema) ?? {};
  zodToOpenAPIRegistry.add(schema, {
    ...current,
    ...(description ? { description } : {}),
    _internal: { ...current._internal, refId: id },
  });
  return schema;
}

/**
 * Security requirements (docs/api.md): a session cookie or a bearer access token. Cookie-authenticated
 * writes also need the X-CSRF-Token header (bearer requests are exempt), hence the paired requirement.
 */
export const security: Record<"read" | "write" | "sessionWrite" | "none", SecurityRequirements> = {
  /** Any signed-in user, by cookie or bearer token. */
  read: [{ sessionCookie: [] }, { bearerAuth: [] }],
  /** A write by a signed-in user: cookie + CSRF token, or a bearer token. */
  write: [{ sessionCookie: [], csrfToken: [] }, { bearerAuth: [] }],
  /** Endpoints that start or end a cookie session: the (anonymous) session cookie from GET /auth/csrf plus its token. */
  sessionWrite: [{ sessionCookie: [], csrfToken: [] }],
  /** Open to anyone. */
  none: [],
};

const REQUEST_ID_HEADER = "XRequestId";
const RETRY_AFTER_HEADER = "RetryAfter";
const requestIdHeader = { $ref: `#/components/headers/${REQUEST_ID_HEADER}` };

/**
 * The error body's schemas are zod/mini (the SPA's entry chunk parses errors with them: shared/errors.ts), which
 * zod-to-openapi cannot read; they enter the document as zod's own JSON Schema of them, under the same names.
 */
const errorBodyRef = { $ref: "#/components/schemas/ErrorBody" };

function registerErrorSchemas(registry: OpenAPIRegistry): void {
  const names = z.registry<{ id: string }>();
  names.add(errorBody, { id: "ErrorBody" });
  names.add(errorDetail, { id: "ErrorDetail" });
  const { schemas } = z.toJSONSchema(names, { io: "input", uri: (id) => `#/components/schemas/${id}` });
  // Without the dialect and id headers JSON Schema puts on a standalone document; the rest is OpenAPI 3.1's dialect.
  const component = (id: string, description?: string) => {
    const { $schema: _dialect, $id: _id, ...schema } = schemas[id]!;
    registry.registerComponent("schemas", id, { ...(schema as object), ...(description ? { description } : {}) });
  };
  component("ErrorBody", "The one error shape of the API (see the error codes table).");
  component("ErrorDetail");
}

/** The shared error and paging schemas, security schemes and response headers. Run before the features. */
export function registerCommonComponents(registry: OpenAPIRegistry): void {
  registerErrorSchemas(registry);
  nameSchema(pagination, "Pagination", "Pass nextCursor back as `cursor` for the next page; null on the last page.");
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "fp.sid",
    description: "The session cookie set by login/register (named `__Host-fp.sid` in production).",
  });
  registry.registerComponent("securitySchemes", "csrfToken", {
    type: "apiKey",
    in: "header",
    name: "X-CSRF-Token",
    description: "The token from GET /api/v1/auth/csrf; required on cookie-authenticated POST/PUT/PATCH/DELETE, else 403 `csrf_failed`.",
  });
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An access token from POST /api/v1/auth/token (no CSRF token needed).",
  });
  registry.registerComponent("headers", REQUEST_ID_HEADER, {
    description: "The request id (an incoming valid X-Request-Id is kept, otherwise one is generated). Quote it when reporting a problem.",
    schema: { type: "string" },
  });
  registry.registerComponent("headers", RETRY_AFTER_HEADER, {
    description: "Seconds to wait before retrying.",
    schema: { type: "integer", minimum: 0 },
  });
}

/** A documented response: always the X-Request-Id header, plus the given headers and body. */
export function response(description: string, schema?: z.ZodType, contentType = "application/json", headers: Record<string, unknown> = {}): ResponseConfig {
  return {
    description,
    headers: { "X-Request-Id": requestIdHeader, ...headers } as ResponseConfig["headers"],
    ...(schema ? { content: { [contentType]: { schema } } } : {}),
  };
}

export function requestBody(schema: z.ZodType, contentType = "application/json"): ZodRequestBody {
  return { required: true, content: { [contentType]: { schema } } };
}

const errorDescriptions: Record<number, string> = {
  400: "Invalid request (`validation_failed` with `details`, or `invalid_json`).",
  401: "Not signed in (`unauthenticated`) or wrong credentials (`invalid_credentials`).",
  402: "The payment was declined (`payment_declined`).",
  403: "Signed in without the required role (`forbidden`), or a missing/wrong CSRF token (`csrf_failed`).",
  404: "No such resource, or it is not yours (`not_found`).",
  409: "The request conflicts with the current state.",
  412: "The `If-Match` version is stale (`precondition_failed`); `details[0].message` is the current version.",
  413: "The request body is too large (`payload_too_large`).",
  415: "The request body has the wrong content type (`unsupported_media_type`).",
  422: "The request is well-formed but cannot be processed.",
  429: "Too many requests from this client (`rate_limited`); see Retry-After.",
  500: "Unexpected server error (`internal`); the message is generic, quote the request id.",
  503: "A dependency is not ready (`not_ready`).",
};

export function errorResponse(status: number, description = errorDescriptions[status] ?? "Error."): ResponseConfig {
  const retryAfter = status === 429 ? { "Retry-After": { $ref: `#/components/headers/${RETRY_AFTER_HEADER}` } } : {};
  return {
    description,
    headers: { "X-Request-Id": requestIdHeader, ...retryAfter } as ResponseConfig["headers"],
    content: { "application/json": { schema: errorBodyRef } },
  };
}

/**
 * The error responses for the given statuses, error codes (named in the description, e.g. errorResponses([400,
 * "slug_taken", "conflict"])) or statuses with their own description. With `common`, 429 and 500 are added:
 * every /api/v1 operation can answer them.
 */
export function errorResponses(specs: readonly ErrorSpec[], common = true): RouteConfig["responses"] {
  const codesByStatus = new Map<number, string[]>(
    common
      ? [
          [429, []],
          [500, []],
        ]
      : [],
  );
  const ownDescriptions = new Map<number, string>();
  for (const item of specs) {
    if (typeof item === "object") {
      ownDescriptions.set(item.status, item.description);
      codesByStatus.set(item.status, codesByStatus.get(item.status) ?? []);
      continue;
    }
    const status = typeof item === "number" ? item : errorStatus[item];
    const codes = codesByStatus.get(status) ?? [];
    if (typeof item === "string") codes.push(item);
    codesByStatus.set(status, codes);
  }
  return Object.fromEntries(
    [...codesByStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => {
        const own = ownDescriptions.get(status);
        if (own) return [String(status), errorResponse(status, own)];
        const base = errorDescriptions[status] ?? "Error.";
        return [String(status), errorResponse(status, codes.length ? `${base} Codes here: ${codes.map((c) => `\`${c}\``).join(", ")}.` : base)];
      }),
  );
}
