import { LRUCache } from "lru-cache";
import { packJsonBody, unpackJsonBody, type JsonBody } from "./json-body";
import type { Logger } from "./logger";
import { redisGuard, redisKey, type Redis } from "./redis";

/**
 * Read-through cache for hot reads (catalog lists and details), grouped in namespaces that are
 * dropped as a whole on any write to them: catalog writes are rare and reads are many, so
 * coarse invalidation keeps correctness trivial.
 *
 * - Without Redis: an in-process LRU with TTL (one replica; invalidation is synchronous).
 * - With Redis: one Redis hash per namespace, shared by every replica. A write DELs the hash
 *   before it returns, so every replica's next read misses: no stale window across replicas.
 * A Redis failure never fails a request: the loader runs and the result is returned uncached. Every Redis call
 * goes through the connection's guard (budget + breaker): while Redis is down, reads skip it without waiting.
 */
export interface Cache {
  getOrLoad<T>(namespace: string, key: string, load: () => Promise<T>): Promise<T>;
  /** The same for an answer kept as bytes (ADR 060): Redis stores it packed, with its compressed copies. */
  getOrLoadBody(namespace: string, key: string, load: () => Promise<JsonBody>): Promise<JsonBody>;
  invalidate(namespace: string): Promise<void>;
  /**
   * Empties every namespace whose name starts with `prefix` (all of them without one), whoever filled it: the admin
   * cache purge (issue 16 §4). With Redis the hashes are shared, so every replica's next read misses. Returns how many.
   */
  purge(prefix?: string): Promise<number>;
  stats(): CacheStats;
}
export interface CacheStats {
  hits: number;
  misses: number;
  errors: number;
}

export interface CacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Deployment namespace of the Redis keys (REDIS_PREFIX). */
  prefix?: string;
}

export function createCache(logger: Logger, redis?: Redis, options: CacheOptions = {}): Cache {
  const ttlMs = options.ttlMs ?? 60_000;
  const stats: CacheStats = { hits: 0, misses: 0, errors: 0 };

  // A load that started before an invalidation must not refill the cache with what it read:
  // every namespace has a generation, bumped by invalidate(), and a fill only lands if the
  // generation is still the one seen when the read began.
  if (!redis) {
    const lru = new LRUCache<string, { value: unknown }>({ max: options.maxEntries ?? 5_000, ttl: ttlMs });
    const generations = new Map<string, number>();
    // Entries are held by reference: a JsonBody keeps the compressed copies it makes for later hits.
    async function getOrLoad<T>(namespace: string, key: string, load: () => Promise<T>): Promise<T> {
      const full = `${namespace}\u0000${key}`;
      const hit = lru.get(full);
      if (hit) {
        stats.hits++;
        return hit.value as T;
      }
      stats.misses++;
      const generation = generations.get(namespace) ?? 0;
      const value = await load();
      if ((generations.get(namespace) ?? 0) === generation) lru.set(full, { value });
      return value;
    }
    return {
      getOrLoad,
      getOrLoadBody: (namespace, key, load) => getOrLoad(namespace, `body:${key}`, load),
      async invalidate(namespace) {
        generations.set(namespace, (generations.get(namespace) ?? 0) + 1);
        const prefix = `${namespace}\u0000`;
        for (const key of lru.keys()) if (key.startsWith(prefix)) lru.delete(key);
      },
      async purge(prefix = "") {
        const namespaces = new Set<string>([...generations.keys()]);
        for (const key of lru.keys()) namespaces.add(key.slice(0, key.indexOf("\u0000")));
        const matching = [...namespaces].filter((ns) => ns.startsWith(prefix));
        for (const ns of matching) await this.invalidate(ns);
        return matching.length;
      },
      stats: () => ({ ...stats }),
    };
  }

  // KEYS[1] = generation key, KEYS[2] = namespace hash; one round trip per read.
  const READ = `return { redis.call('GET', KEYS[1]) or '0', redis.call('HGET', KEYS[2], ARGV[1]) }`;
  const FILL = `if (redis.call('GET', KEYS[1]) or '0') == ARGV[1] then
      redis.call('HSET', KEYS[2], ARGV[2], ARGV[3]); redis.call('PEXPIRE', KEYS[2], ARGV[4]) end return 1`;
  const prefixOfKeys = options.prefix ?? "fp";
  const keysOf = (namespace: string) => [redisKey(prefixOfKeys, `cache:gen:${namespace}`), redisKey(prefixOfKeys, `cache:${namespace}`)] as const;
  const guard = redisGuard(redis);
  // A write whose invalidation could not reach Redis is remembered and retried before the next read that
  // reaches Redis again: otherwise the shared hash would serve what was read before the write until its TTL.
  const pendingInvalidations = new Set<string>();
  const invalidate = async (namespace: string) => {
    const [genKey, hashKey] = keysOf(namespace);
    try {
      await guard.run("cache invalidation", (r) => r.multi().incr(genKey).del(hashKey).exec());
      pendingInvalidations.delete(namespace);
    } catch (err) {
      stats.errors++;
      pendingInvalidations.add(namespace);
      logger.warn({ err: (err as Error).message, namespace }, "cache invalidation failed; retried once Redis answers");
    }
  };

  /** How a value travels through the Redis hash: JSON text for objects, a packed Buffer for JsonBody (ADR 060). */
  interface Codec<T> {
    binary: boolean;
    decode(stored: string | Buffer): T | undefined;
    encode(value: T): string | Buffer;
  }
  const jsonCodec: Codec<unknown> = { binary: false, decode: (stored) => JSON.parse(String(stored)) as unknown, encode: (value) => JSON.stringify(value) };
  const bodyCodec: Codec<JsonBody> = { binary: true, decode: (stored) => unpackJsonBody(stored as Buffer), encode: packJsonBody };

  async function readThrough<T>(namespace: string, key: string, load: () => Promise<T>, codec: Codec<T>): Promise<T> {
    const [genKey, hashKey] = keysOf(namespace);
    let generation: string;
    if (pendingInvalidations.has(namespace) && guard.available) await invalidate(namespace);
    if (pendingInvalidations.has(namespace)) {
      stats.errors++;
      return load();
    }
    try {
      const [gen, cached] = (await guard.run("cache read", (r) =>
        codec.binary ? r.callBuffer("EVAL", READ, 2, genKey, hashKey, key) : r.eval(READ, 2, genKey, hashKey, key),
      )) as [string | Buffer, string | Buffer | null];
      const value = cached === null ? undefined : codec.decode(cached);
      if (value !== undefined) {
        stats.hits++;
        return value;
      }
      generation = String(gen);
    } catch (err) {
      stats.errors++;
      logger.debug({ err: (err as Error).message }, "cache read failed; loading from the database");
      return load();
    }
    stats.misses++;
    const value = await load();
    // Fire and forget: the response must not wait for (or fail on) the cache fill. A JsonBody's compressed copies
    // are made here, once per miss, and this response reuses them.
    guard
      .run("cache fill", (r) => r.eval(FILL, 2, genKey, hashKey, generation, key, codec.encode(value), String(ttlMs)))
      .catch(() => {
        stats.errors++;
      });
    return value;
  }

  return {
    getOrLoad: <T>(namespace: string, key: string, load: () => Promise<T>) => readThrough(namespace, key, load, jsonCodec as Codec<T>),
    getOrLoadBody: (namespace, key, load) => readThrough(namespace, `body:${key}`, load, bodyCodec),
    invalidate,
    async purge(prefix = "") {
      // Namespaces are found by their generation keys (one per namespace ever filled or invalidated) and their hashes.
      const found = new Set<string>();
      const genPrefix = redisKey(prefixOfKeys, "cache:gen:");
      const hashPrefix = redisKey(prefixOfKeys, "cache:");
      await guard.run("cache purge scan", async (r) => {
        for (const keyPrefix of [genPrefix, hashPrefix]) {
          let cursor = "0";
          do {
            const [next, keys] = await r.scan(cursor, "MATCH", `${keyPrefix}${prefix}*`, "COUNT", 500);
            cursor = next;
            // fp:cache:gen:x also matches the hash pattern fp:cache:*; it is counted by the first pass.
            for (const key of keys) if (keyPrefix === genPrefix || !key.startsWith(genPrefix)) found.add(key.slice(keyPrefix.length));
          } while (cursor !== "0");
        }
      });
      for (const ns of found) await invalidate(ns);
      return found.size;
    },
    stats: () => ({ ...stats }),
  };
}
