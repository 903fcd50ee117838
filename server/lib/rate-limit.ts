import { createHash } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { rateLimit, ipKeyGenerator, MemoryStore, type ClientRateLimitInfo, type Options, type Store } from "express-rate-limit";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import type { AppContext } from "../context";
import { AppError } from "./app-error";
import type { Logger } from "./logger";
import { redisGuard, redisKey, RedisUnavailableError, type Redis, type RedisGuard } from "./redis";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Sign-in attempts per account and per IP per hour, on top of the per-minute limit. */
export const AUTH_HOURLY_CAP = 100;
/**
 * Counters in Redis (shared by every replica) that fail SAFE: when Redis is down, slow or not yet connected, the
 * call is counted in this replica's memory instead. Limits therefore never switch off, and no request waits
 * on Redis for more than the connection's budget (REDIS_TIMEOUT_MS); while its breaker is open, not at all.
 */
export class FailSafeRedisStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly memory = new MemoryStore();
  private readonly redisStore: RedisStore;
  private options?: Options;
  private needsInit = true;
  private readonly guard: RedisGuard;

  constructor(
    redis: Redis,
    prefix: string,
    private readonly logger: Logger,
  ) {
    this.prefix = prefix;
    this.guard = redisGuard(redis);
    this.redisStore = new RedisStore({
      prefix,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
    });
  }

  init(options: Options): void {
    this.options = options;
    this.memory.init(options);
  }

  private async viaRedis<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      // The store loads its Lua scripts in init(); a failed load is never retried by the store itself.
      if (this.needsInit) {
        await this.guard.run("rate-limit script load", async () => this.redisStore.init(this.options!));
        this.needsInit = false;
      }
      return await this.guard.run("rate limit", call);
    } catch (err) {
      if (err instanceof RedisUnavailableError) return undefined;
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

/** Failures for one account from all addresses are remembered this long for the progressive delay. */
export const ACCOUNT_DELAY_WINDOW_MS = 15 * MINUTE_MS;
const MAX_DELAY_MS = 10_000;

/**
 * The wait before a sign-in for an account that has had `failures` failed attempts (from any address) in the
 * window: none up to `free`, then 0.5 s doubling to at most 10 s. A slowdown, never a lock: the owner still
 * gets in with the right password, an attacker spread over many addresses gets a few guesses a minute.
 */
export function signInDelayMs(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_MS, 500 * 2 ** Math.min(failures - free - 1, 10));
}

/** Applies signInDelayMs per account (across addresses) and counts this attempt when it fails (401). */
function accountDelay(store: Store, free: number): RequestHandler {
  return async (req, res, next) => {
    const account = req.method === "POST" ? accountOf(req) : undefined;
    if (!account) return next();
    const key = `acct:${sha256(account)}`;
    res.on("finish", () => {
      if (res.statusCode === 401) void Promise.resolve(store.increment(key)).catch(() => undefined);
    });
    const failures = (await store.get?.(key))?.totalHits ?? 0;
    const wait = signInDelayMs(failures, free);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    next();
  };
}

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
 * Rate limits: the whole API per client IP, and sign-in (login + token endpoints) per IP and per (account, IP),
 * counting failed attempts, with an hourly cap, plus a progressive per-account delay across addresses. 0 turns a family off. With Redis the counters are
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
      store: redis ? new FailSafeRedisStore(redis, redisKey(env.REDIS_PREFIX, `rl:${spec.name}:`), logger) : new MemoryStore(),
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

  const makeStore = (name: string, windowMs: number): Store => {
    const store = redis ? new FailSafeRedisStore(redis, redisKey(env.REDIS_PREFIX, `rl:${name}:`), logger) : new MemoryStore();
    void store.init?.({ windowMs } as Options);
    return store;
  };

  const onlyPost = (req: Request) => req.method !== "POST";
  const withoutAccount = (req: Request) => req.method !== "POST" || accountOf(req) === undefined;
  // Per (account, IP): a stranger's failures from their address never lock the owner out at theirs (issue 11 §8).
  const byAccountAndIp = (req: Request) => `acct:${sha256(accountOf(req)!)}:ip:${clientIp(req)}`;
  const perMinute = env.AUTH_RATE_LIMIT_PER_MINUTE;
  const signIn: RequestHandler[] =
    perMinute > 0
      ? [
          limiter({ name: "signin-ip-min", windowMs: MINUTE_MS, limit: perMinute, key: clientIp, skip: onlyPost, failuresOnly: true }),
          limiter({ name: "signin-acct-ip-min", windowMs: MINUTE_MS, limit: perMinute, key: byAccountAndIp, skip: withoutAccount, failuresOnly: true }),
          limiter({ name: "signin-ip-hour", windowMs: HOUR_MS, limit: AUTH_HOURLY_CAP, key: clientIp, skip: onlyPost, failuresOnly: true }),
          limiter({ name: "signin-acct-ip-hour", windowMs: HOUR_MS, limit: AUTH_HOURLY_CAP, key: byAccountAndIp, skip: withoutAccount, failuresOnly: true }),
          accountDelay(makeStore("signin-acct-delay", ACCOUNT_DELAY_WINDOW_MS), perMinute),
        ]
      : [];

  return {
    /** Mount on /api/v1 (health and metrics live elsewhere and are exempt). */
    api,
    /** Mount on the login and token endpoints. */
    signIn,
  };
}
