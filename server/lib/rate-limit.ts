import { createHash } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { rateLimit, ipKeyGenerator, MemoryStore, type ClientRateLimitInfo, type Options, type Store } from "express-rate-limit";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import type { AppContext } from "../context";
import { AppError } from "./app-error";
import type { Logger } from "./logger";
import type { Redis } from "./redis";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Sign-in attempts per account and per IP per hour, on top of the per-minute limit. */
export const AUTH_HOURLY_CAP = 100;
/** A Redis call slower than this falls back to memory, so a sick Redis never holds a request for long. */
const REDIS_CALL_TIMEOUT_MS = 750;
/** After a Redis failure, stay on the in-memory counters this long before trying Redis again. */
const REDIS_RETRY_AFTER_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`redis rate-limit call timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Redis health as the limiters see it, one record per connection: after a failure every limiter of the process
 * stays on memory for REDIS_RETRY_AFTER_MS, so a request pays the Redis timeout at most once.
 */
interface RedisHealth {
  retryAt: number;
  connecting?: Promise<boolean>;
}
const redisHealth = new WeakMap<Redis, RedisHealth>();

function healthOf(redis: Redis): RedisHealth {
  let health = redisHealth.get(redis);
  if (!health) redisHealth.set(redis, (health = { retryAt: 0 }));
  return health;
}

/** Waits (briefly) for a connection in progress, e.g. right after boot, instead of splitting counts. */
function waitForReady(redis: Redis, health: RedisHealth): Promise<boolean> {
  health.connecting ??= new Promise<boolean>((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      health.connecting = undefined;
      if (!ready) health.retryAt = Date.now() + REDIS_RETRY_AFTER_MS;
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), REDIS_CALL_TIMEOUT_MS);
    redis.once("ready", onReady);
  });
  return health.connecting;
}

/**
 * Counters in Redis (shared by every replica) that fail SAFE: when Redis is down, slow or not yet connected, the
 * call is counted in this replica's memory instead. Limits therefore never switch off, and no request waits
 * on Redis for more than REDIS_CALL_TIMEOUT_MS.
 */
export class FailSafeRedisStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly memory = new MemoryStore();
  private readonly redisStore: RedisStore;
  private options?: Options;
  private needsInit = true;
  private readonly health: RedisHealth;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly logger: Logger,
  ) {
    this.prefix = prefix;
    this.health = healthOf(redis);
    this.redisStore = new RedisStore({
      prefix,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    });
  }

  init(options: Options): void {
    this.options = options;
    this.memory.init(options);
  }

  private async redisUsable(): Promise<boolean> {
    if (Date.now() < this.health.retryAt) return false;
    if (this.redis.status === "ready") return true;
    if (this.redis.status === "end") return false;
    return waitForReady(this.redis, this.health);
  }

  private async viaRedis<T>(call: () => Promise<T>): Promise<T | undefined> {
    if (!(await this.redisUsable())) return undefined;
    try {
      // The store loads its Lua scripts in init(); a failed load is never retried by the store itself.
      if (this.needsInit) {
        await withTimeout(this.redisStore.init(this.options!), REDIS_CALL_TIMEOUT_MS);
        this.needsInit = false;
      }
      return await withTimeout(call(), REDIS_CALL_TIMEOUT_MS);
    } catch (err) {
      this.health.retryAt = Date.now() + REDIS_RETRY_AFTER_MS;
      this.needsInit = true;
      this.logger.warn({ err: (err as Error).message, limiter: this.prefix }, "rate limit falls back to in-memory counters");
      return undefined;
    }
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    return (await this.viaRedis(() => this.redisStore.increment(key))) ?? this.memory.increment(key);
  }

  async decrement(key: string): Promise<void> {
    const done = await this.viaRedis(async () => {
      await this.redisStore.decrement(key);
      return true;
    });
    if (!done) await this.memory.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.viaRedis(() => this.redisStore.resetKey(key));
    await this.memory.resetKey(key);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return (await this.viaRedis(() => this.redisStore.get(key))) ?? this.memory.get(key);
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

/** The normalised email of a sign-in body (same rule as the contract: trimmed, lower-cased). */
function accountOf(req: Request): string | undefined {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.trim() ? email.trim().toLowerCase() : undefined;
}

const clientIp = (req: Request) => ipKeyGenerator(req.ip ?? "unknown");

interface LimiterSpec {
  name: string;
  windowMs: number;
  limit: number;
  key: (req: Request) => string;
  skip?: (req: Request) => boolean;
  /** Count only failures (sign-ins): a successful request gives its hit back. */
  failuresOnly?: boolean;
  standardHeaders?: boolean;
}

/**
 * Rate limits: the whole API per client IP, and sign-in (login + token endpoints) per account and
 * per IP, counting failed attempts, with an hourly cap. 0 turns a family off. With Redis the counters are
 * shared by every replica (one key prefix per limiter); without it they live in memory.
 */
export function createRateLimits(ctx: AppContext) {
  const { env, logger, redis } = ctx;
  const libraryLogger = {
    error: (err: unknown, message?: string) => logger.error({ err: err instanceof Error ? err.message : String(err) }, message ?? "rate limiter error"),
    warn: (err: unknown, message?: string) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, message ?? "rate limiter warning"),
  };

  const limiter = (spec: LimiterSpec): RequestHandler =>
    rateLimit({
      windowMs: spec.windowMs,
      limit: spec.limit,
      keyGenerator: spec.key,
      skip: spec.skip,
      skipSuccessfulRequests: spec.failuresOnly ?? false,
      standardHeaders: spec.standardHeaders ? "draft-7" : false,
      legacyHeaders: false,
      store: redis ? new FailSafeRedisStore(redis, `fp:rl:${spec.name}:`, logger) : new MemoryStore(),
      logger: libraryLogger,
      // The contract's error body, with Retry-After (seconds until this client's window resets).
      handler: (req, _res, next) => {
        const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + spec.windowMs) - Date.now()) / 1000));
        next(new AppError("rate_limited", `Too many requests. Try again in ${seconds} seconds.`, undefined, { "Retry-After": String(seconds) }));
      },
    });

  const api: RequestHandler[] =
    env.RATE_LIMIT_PER_MINUTE > 0
      ? [limiter({ name: "api", windowMs: MINUTE_MS, limit: env.RATE_LIMIT_PER_MINUTE, key: clientIp, standardHeaders: true })]
      : [];

  const onlyPost = (req: Request) => req.method !== "POST";
  const withoutAccount = (req: Request) => req.method !== "POST" || accountOf(req) === undefined;
  const byAccount = (req: Request) => `acct:${sha256(accountOf(req)!)}`;
  const perMinute = env.AUTH_RATE_LIMIT_PER_MINUTE;
  const signIn: RequestHandler[] =
    perMinute > 0
      ? [
          limiter({ name: "signin-ip-min", windowMs: MINUTE_MS, limit: perMinute, key: clientIp, skip: onlyPost, failuresOnly: true }),
          limiter({ name: "signin-acct-min", windowMs: MINUTE_MS, limit: perMinute, key: byAccount, skip: withoutAccount, failuresOnly: true }),
          limiter({ name: "signin-ip-hour", windowMs: HOUR_MS, limit: AUTH_HOURLY_CAP, key: clientIp, skip: onlyPost, failuresOnly: true }),
          limiter({ name: "signin-acct-hour", windowMs: HOUR_MS, limit: AUTH_HOURLY_CAP, key: byAccount, skip: withoutAccount, failuresOnly: true }),
        ]
      : [];

  return {
    /** Mount on /api/v1 (health and metrics live elsewhere and are exempt). */
    api,
    /** Mount on the login and token endpoints. */
    signIn,
  };
}
