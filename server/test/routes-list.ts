/**
 * Lists every route an Express 5 app (or Router) has mounted, with full paths, by walking the router stack.
 * Used by the OpenAPI coverage test and by any test that must visit "every /api/v1 route" (e.g. a role matrix).
 *
 * Express 5 (router 2.3) keeps the path a layer was mounted with in `layer.rawPath`; nested routers are layers
 * whose `handle` carries their own `stack`. Sub-apps mounted with app.use(subApp) are wrapped in a closure
 * and cannot be walked: mount Routers instead.
 */

export interface MountedRoute {
  /** Upper-case HTTP method ("GET", "POST", …); "ALL" for router.all(). */
  method: string;
  /** The Express template as mounted, e.g. "/api/v1/products/:idOrSlug". */
  path: string;
  /** The same path in OpenAPI form, e.g. "/api/v1/products/{idOrSlug}". */
  openApiPath: string;
}

interface RouteLike {
  path: unknown;
  methods: Record<string, boolean | undefined>;
}
interface LayerLike {
  rawPath?: unknown;
  route?: RouteLike;
  handle?: { stack?: unknown };
}
type Walkable = { stack?: unknown; router?: { stack?: unknown } };

function stackOf(target: unknown): LayerLike[] | undefined {
  const t = target as Walkable | undefined;
  const stack = t?.router?.stack ?? t?.stack;
  return Array.isArray(stack) ? (stack as LayerLike[]) : undefined;
}

function joinPaths(prefix: string, segment: string): string {
  const head = prefix.replace(/\/+$/, "");
  const tail = segment === "/" ? "" : segment.startsWith("/") ? segment : `/${segment}`;
  return head + tail || "/";
}

/** Express 5 optional groups ("/items{/:id}") describe several concrete paths: list each one. */
export function expandOptionalGroups(path: string): string[] {
  const match = /\{([^{}]*)\}/.exec(path);
  if (!match) return [path];
  const before = path.slice(0, match.index);
  const after = path.slice(match.index + match[0].length);
  return [...expandOptionalGroups(before + after), ...expandOptionalGroups(before + match[1] + after)];
}

/** ":id" and "*splat" → "{id}" and "{splat}". Run after expandOptionalGroups. */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/[:*]([A-Za-z_$][\w$]*)/g, "{$1}");
}

function pathsOf(rawPath: unknown): string[] {
  if (rawPath === undefined) {
    throw new Error("This router version does not expose layer.rawPath; routes-list.ts needs router >= 2.3 (Express 5.3).");
  }
  const raw = Array.isArray(rawPath) ? rawPath : [rawPath];
  // A RegExp mount cannot be turned back into a template; keep its source so it is at least visible.
  return raw.map((p) => (typeof p === "string" ? p : String(p)));
}

/** Every route under `target` (an Express app or Router), in mount order, prefixed by `basePath`. */
export function listRoutes(target: unknown, basePath = ""): MountedRoute[] {
  const stack = stackOf(target);
  if (!stack) throw new Error("listRoutes needs an Express app or Router.");
  const routes: MountedRoute[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const routePath of pathsOf(layer.route.path)) {
        for (const concrete of expandOptionalGroups(joinPaths(basePath, routePath))) {
          for (const [method, enabled] of Object.entries(layer.route.methods)) {
            if (!enabled) continue;
            routes.push({ method: method === "_all" ? "ALL" : method.toUpperCase(), path: concrete, openApiPath: toOpenApiPath(concrete) });
          }
        }
      }
      continue;
    }
    if (stackOf(layer.handle)) {
      for (const mountPath of pathsOf(layer.rawPath)) {
        for (const concrete of expandOptionalGroups(joinPaths(basePath, mountPath))) routes.push(...listRoutes(layer.handle, concrete));
      }
    }
  }
  return routes;
}
