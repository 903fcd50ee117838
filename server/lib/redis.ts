import { createRequire } from "node:module";
import type { Redis } from "ioredis";
import { CircuitBreaker, CircuitOpenError } from "./circuit-breaker";
import type { Logger } from "./logger";
import { inSpan, tracingEnabled } from "./tracing";

// ioredis costs ~14 MB of RSS to load: only processes that set REDIS_URL pay for it (bench/catalog-list idle RSS).
const loadIoredis = () => (createRequire(import.meta.url)("ioredis") as typeof import("ioredis")).Redis;

export interface RedisOptions {
  /** Budget of one call made through the guard (REDIS_TIMEOUT_MS). */
  budgetMs?: number;
  /** Consecutive failed calls that open the breaker (default 1: one call past the budget means Redis is sick). */
  failureThreshold?: number;
  /** How long an open breaker skips Redis before one trial call (default 2 s). */
  coolDownMs?: number;
}

/**
 * One place that creates Redis connections. Every call on a request path goes through `redisGuard(client)`:
 * a budget per call and a breaker, so a Redis outage costs a request at most one budget and, once the
 * breaker is open, nothing at all (see the Redis breaker ADR).
 */
export function createRedis(url: string, logger: Logger, name = "main", options: RedisOptions = {}): Redis {
  const RedisClient = loadIoredis();
  const client = new RedisClient(url, {
    connectionName: `fruitful-planet:${name}`,
    lazyConnect: false,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let lastError = "";
  client.on("error", (err: Error) => {
    // Log each distinct failure once instead of once per reconnect attempt.
    if (err.message !== lastError) logger.warn({ err: err.message, redis: name }, "redis connection error");
    lastError = err.message;
  });
  traceRedisCommands(client);
  client.on("ready", () => {
    lastError = "";
  });
  guards.set(client, new RedisGuard(client, options));
  return client;
}

/** Each command a `redis` CLIENT span (name only, never keys or values); installed only when tracing is on. */
function traceRedisCommands(client: Redis): void {
  if (!tracingEnabled()) return;
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command: Parameters<Redis["sendCommand"]>[0], stream?: Parameters<Redis["sendCommand"]>[1]) =>
    inSpan(
      `redis ${command.name}`,
      { "db.system.name": "redis", "db.operation.name": command.name },
      () => send(command, stream) as Promise<unknown>,
    )) as Redis["sendCommand"];
}

/** Why a guarded call did not reach Redis: the connection is down, or the breaker is open. */
export class RedisUnavailableError extends Error {
  constructor(reason: string) {
    super(`redis skipped: ${reason}`);
    this.name = "RedisUnavailableError";
  }
}

export interface RedisCallStats {
  ok: number;
  failed: number;
  skipped: number;
}

const DEFAULT_BUDGET_MS = 250;

export class RedisGuard {
  private readonly breaker: CircuitBreaker;
  private readonly budgetMs: number;
  private everReady = false;
  readonly stats: RedisCallStats = { ok: 0, failed: 0, skipped: 0 };

  constructor(
    private readonly client: Redis,
    options: RedisOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.breaker = new CircuitBreaker({ failureThreshold: options.failureThreshold ?? 1, coolDownMs: options.coolDownMs ?? 2_000, now: () => Date.now() });
    this.everReady = client.status === "ready";
    client.on("ready", () => {
      this.everReady = true;
    });
  }

  /**
   * Skips at once while the connection is known to be down (after it was up once: at boot a call may wait
   * for the first connection, within the budget) or while the breaker is open.
   */
  get available(): boolean {
    if (this.everReady && this.client.status !== "ready") return false;
    if (this.client.status === "end") return false;
    return this.breaker.state !== "open";
  }

  /** "degraded" while calls are being skipped; readiness shows it but does not fail on it. */
  get state(): "healthy" | "degraded" {
    return this.client.status === "ready" && this.breaker.state === "closed" ? "healthy" : "degraded";
  }

  /** Runs one Redis call within the budget; rejects with RedisUnavailableError when skipped. */
  async run<T>(what: string, call: (client: Redis) => Promise<T>): Promise<T> {
    if (!this.available) {
      this.stats.skipped++;
      throw new RedisUnavailableError(this.client.status === "ready" ? "breaker open" : `connection ${this.client.status}`);
    }
    try {
      const result = await this.breaker.execute(() => withBudget(call(this.client), this.budgetMs, what));
      this.stats.ok++;
      return result;
    } catch (err) {
      if (err instanceof CircuitOpenError) {
        this.stats.skipped++;
        throw new RedisUnavailableError("breaker open");
      }
      this.stats.failed++;
      throw err;
    }
  }
}

const guards = new WeakMap<Redis, RedisGuard>();

/** The guard of a connection made by createRedis (connections made elsewhere get a default one). */
export function redisGuard(client: Redis): RedisGuard {
  let guard = guards.get(client);
  if (!guard) guards.set(client, (guard = new RedisGuard(client)));
  return guard;
}

/**
 * The call, or a rejection once `ms` have passed. The rejection waits for the I/O phase of the loop turn in which the
 * timer fired (setImmediate runs after it): when our own event loop was stalled (a GC pause, compiling a chunk loaded
 * on demand), Redis's reply may already be waiting in the socket, and it must win over a timer that is only late
 * because of us. Otherwise one stall opened the breaker and, for its cool-down, events went out to this replica only.
 */
function withBudget<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        immediate = setImmediate(() => reject(new Error(`redis ${what} took longer than ${ms} ms`)));
      }, ms);
      timer.unref();
    }),
  ]).finally(() => {
    clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
  });
}

/**
 * Closes a connection without waiting on a Redis that is down: QUIT would sit in the offline queue until
 * Redis came back (and hold a shutdown past its grace period).
 */
export async function closeRedis(client: Redis, timeoutMs = 1_000): Promise<void> {
  if (client.status !== "ready") {
    client.disconnect();
    return;
  }
  await withBudget(client.quit(), timeoutMs, "quit").catch(() => client.disconnect());
}

/** `<prefix>:<name>`: every key and channel lives in the deployment's namespace (REDIS_PREFIX). */
export const redisKey = (prefix: string, name: string) => `${prefix}:${name}`;

export type { Redis };
