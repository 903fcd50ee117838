import type { MountedRoute } from "./routes-list";
import type { OpenApiDocument } from "../features/openapi/openapi.document";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Mounted routes that the document does not describe (same OpenAPI path and method). */
export function undocumentedRoutes(routes: readonly MountedRoute[], document: OpenApiDocument): MountedRoute[] {
  const paths = document.paths ?? {};
  return routes.filter((route) => {
    const item = paths[route.openApiPath] as Record<string, unknown> | undefined;
    if (!item) return true;
    // router.all() answers every method: at least one operation must be documented for it.
    if (route.method === "ALL") return !HTTP_METHODS.some((m) => item[m] !== undefined);
    return item[route.method.toLowerCase()] === undefined;
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Resolves a local JSON pointer ("#/components/schemas/Product"); undefined when it points nowhere. */
function resolvePointer(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

function collectRefs(node: Json, at: string, found: Array<{ ref: string; at: string }>): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) return node.forEach((child, i) => collectRefs(child, `${at}/${i}`, found));
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") found.push({ ref: value, at });
    else collectRefs(value, `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, found);
  }
}

/**
 * Structural problems a linter would flag, checked in-process on every test run (CI also runs Redocly CLI: `npm run lint:openapi`):
 * operations without responses or operationId, duplicate operationIds, $refs that resolve nowhere,
 * path template parameters that are not declared (or declared but not in the template).
 */
export function documentProblems(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  const root = JSON.parse(JSON.stringify(document)) as Json;
  const operationIds = new Map<string, string>();

  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const templateParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort();
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, unknown>)[method] as
        | { operationId?: string; responses?: Record<string, { description?: string }>; parameters?: Array<{ in?: string; name?: string; $ref?: string }> }
        | undefined;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const responses = Object.entries(operation.responses ?? {});
      if (responses.length === 0) problems.push(`${where}: no responses`);
      for (const [status, response] of responses) {
        if (!response.description) problems.push(`${where}: response ${status} has no description`);
      }
      if (!operation.operationId) problems.push(`${where}: no operationId`);
      else if (operationIds.has(operation.operationId)) {
        problems.push(`${where}: operationId ${operation.operationId} is also used by ${operationIds.get(operation.operationId)}`);
      } else operationIds.set(operation.operationId, where);
      const parameters = (operation.parameters ?? []).map((p) =>
        "$ref" in p && typeof p.$ref === "string" ? ((resolvePointer(root, p.$ref) ?? {}) as { in?: string; name?: string }) : p,
      );
      const declared = parameters
        .filter((p) => p.in === "path")
        .map((p) => p.name ?? "")
        .sort();
      if (declared.join(",") !== templateParams.join(",")) {
        problems.push(`${where}: path parameters [${declared.join(", ")}] do not match the template [${templateParams.join(", ")}]`);
      }
    }
  }

  const refs: Array<{ ref: string; at: string }> = [];
  collectRefs(root, "#", refs);
  for (const { ref, at } of refs) {
    if (resolvePointer(root, ref) === undefined) problems.push(`${at}: $ref ${ref} does not resolve`);
  }
  return problems;
}
