import type { OpenAPIRegistry, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { errorResponses, nameSchema, requestBody, response, security } from "./openapi-components";
import { expressPathOf, type Route, type RouteTable, type SecurityRequirements } from "./route-table";

const WRITE_METHODS = new Set(["post", "put", "patch", "delete"]);

/** "/api/v1/products/:idOrSlug" → "/api/v1/products/{idOrSlug}". */
export const toOpenApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z_$][\w$]*)/g, "{$1}");

/** What the document says a caller must present, derived from the same access and CSRF rule the router enforces. */
function securityOf<D>(route: Route<D>): SecurityRequirements {
  if (route.security) return route.security;
  if (route.csrf === "always") return security.sessionWrite;
  if (route.access === "public") return security.none;
  return WRITE_METHODS.has(route.method) ? security.write : security.read;
}

function requestOf<D>(route: Route<D>): RouteConfig["request"] {
  const { params, query, headers, body } = route.request ?? {};
  if (!params && !query && !headers && !body) return undefined;
  return {
    // zod-to-openapi types these as plain objects; the contracts' refined objects are documented the same way.
    ...(params ? { params: params as never } : {}),
    ...(query ? { query: query as never } : {}),
    ...(headers ? { headers } : {}),
    ...(body ? { body: requestBody(body, route.bodyFormat?.contentType) } : {}),
  };
}

/** Registers a table's named schemas, security schemes and one operation per route. */
export function registerRouteTable<D>(registry: OpenAPIRegistry, table: RouteTable<D>): void {
  for (const [id, entry] of Object.entries(table.schemas ?? {})) {
    if (Array.isArray(entry)) nameSchema(entry[0], id, entry[1]);
    else nameSchema(entry, id);
  }
  for (const [name, scheme] of Object.entries(table.securitySchemes ?? {})) registry.registerComponent("securitySchemes", name, scheme as never);

  for (const route of table.routes) {
    const successes = Object.entries(route.responses).map(([status, spec]) => [
      status,
      response(spec.description, spec.schema, spec.contentType, spec.headers),
    ]);
    registry.registerPath({
      method: route.method,
      path: toOpenApiPath(expressPathOf(table, route)),
      operationId: route.operationId,
      tags: [table.tag.name],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      security: securityOf(route),
      request: requestOf(route),
      responses: { ...Object.fromEntries(successes), ...errorResponses(route.errors ?? [], table.commonErrors) },
    });
  }
}
