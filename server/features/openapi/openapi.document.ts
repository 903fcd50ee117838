import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { projectRoot } from "../../lib/paths";
import { registerCommonComponents } from "../../lib/openapi-components";
import { registerRouteTable } from "../../lib/route-table-openapi";
import { routeTables } from "../../route-tables";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}

/**
 * Query and path values are text on the wire and can never be JSON null, but zod-to-openapi marks
 * z.coerce.number() as nullable (coercion accepts null). Drop "null" from those parameter types.
 */
function dropNullFromParameterTypes(document: OpenApiDocument): void {
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      const parameters = (operation as { parameters?: Array<{ in?: string; schema?: { type?: unknown } }> }).parameters;
      for (const parameter of parameters ?? []) {
        const type = parameter.schema?.type;
        if (Array.isArray(type) && type.includes("null")) {
          const rest = type.filter((t) => t !== "null");
          parameter.schema!.type = rest.length === 1 ? rest[0] : rest;
        }
      }
    }
  }
}

/** Builds the whole document from the route tables (the same declarations the app mounts). Every call builds afresh; the route uses the cached one. */
export function buildOpenApiDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registerCommonComponents(registry);
  for (const table of routeTables) registerRouteTable(registry, table);

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "FruitfulPlanet API",
      version: packageVersion(),
      description: [
        "JSON API of FruitfulPlanet. Paths are absolute: the versioned API lives under `/api/v1`, the Kubernetes probes under `/api/health`.",
        "Errors always have the `ErrorBody` shape; lists return `{ data, pagination: { nextCursor, hasMore } }` and take `limit` (1–100, default 24) and `cursor`.",
        "Money is integer minor units (`…Cents`) with an ISO 4217 `currency`.",
      ].join("\n\n"),
    },
    // Paths carry their full prefix so one document covers /api/v1 and the health probes.
    servers: [{ url: "/" }],
    // A tag may span tables (Metrics: the dashboard summary and the Prometheus scrape); list it once.
    tags: [...new Map(routeTables.map((table) => [table.tag.name, table.tag])).values()],
  });
  dropNullFromParameterTypes(document);
  return document;
}

let cached: { document: OpenApiDocument; json: string } | undefined;

/** The document, built on first use and kept in memory (it only changes with the code). */
export function getOpenApiDocument(): OpenApiDocument {
  return cachedDocument().document;
}

/** The same document, serialised once. */
export function getOpenApiJson(): string {
  return cachedDocument().json;
}

function cachedDocument() {
  if (!cached) {
    const document = buildOpenApiDocument();
    cached = { document, json: JSON.stringify(document) };
  }
  return cached;
}
