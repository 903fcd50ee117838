import type { Cache, CacheStats } from "../../lib/cache";
import type { EventBus, EventMap } from "../../lib/events";
import { toJsonBody, type JsonBody } from "../../lib/json-body";
import { seesArchived, type CatalogViewer } from "./catalog-access";
import type { CatalogRepo } from "./catalog.repo";

export type CatalogEntity = EventMap["catalog.changed"]["entity"];

/**
 * Everything catalog reads cache lives in one namespace, dropped as a whole on every write:
 * "catalog:<database identity>", so databases sharing one Redis never read each other's entries.
 */
const CACHE_NAMESPACE = "catalog";

/** The catalog's read cache and its invalidation (ADR 010), shared by the reads and the writes. */
export function createCatalogCache(repo: Pick<CatalogRepo, "cacheScope">, deps: { events?: EventBus; cache?: Cache }) {
  const { events, cache } = deps;

  // The namespace carries the database's identity (see repo.cacheScope), fetched once; a failed lookup
  // (database unreachable) is retried on the next call, and that call goes uncached.
  let namespace: Promise<string> | undefined;
  async function cacheNamespace(): Promise<string | undefined> {
    namespace ??= repo.cacheScope().then((scope) => `${CACHE_NAMESPACE}:${scope}`);
    try {
      return await namespace;
    } catch {
      namespace = undefined;
      return undefined;
    }
  }

  async function invalidate(): Promise<void> {
    const ns = cache ? await cacheNamespace() : undefined;
    if (cache && ns) await cache.invalidate(ns);
  }
  // Writes by other replicas (or other features' stock changes) arrive as events.
  events?.subscribe("catalog.changed", () => invalidate());

  return {
    /** Shopper reads go through the cache; staff and admin reads never do (they may include archived objects). */
    async cached<T>(viewer: CatalogViewer | undefined, key: string, load: () => Promise<T>): Promise<T> {
      const ns = cache && !seesArchived(viewer) ? await cacheNamespace() : undefined;
      return cache && ns ? cache.getOrLoad(ns, key, load) : load();
    },

    /**
     * The same read as bytes (ADR 060): shopper answers are cached serialised, with their ETag and compressed
     * copies; uncached answers (staff, caching off) are serialised per request and compressed at the fast level.
     */
    async cachedBody(viewer: CatalogViewer | undefined, key: string, load: () => Promise<unknown>): Promise<JsonBody> {
      const ns = cache && !seesArchived(viewer) ? await cacheNamespace() : undefined;
      return cache && ns ? cache.getOrLoadBody(ns, key, async () => toJsonBody(await load(), "stored")) : toJsonBody(await load(), "fast");
    },

    invalidate,

    /**
     * After a write committed: drop the cached catalog before the response goes out (the Redis hash is
     * shared, so every replica's next read is fresh), then tell the realtime layer and other replicas.
     */
    async changed(entity: CatalogEntity, id: string): Promise<void> {
      await invalidate();
      await events?.publish("catalog.changed", { entity, id });
    },

    stats: (): CacheStats => cache?.stats() ?? { hits: 0, misses: 0, errors: 0 },
  };
}
export type CatalogCache = ReturnType<typeof createCatalogCache>;
