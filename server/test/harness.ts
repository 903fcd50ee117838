import type { Server } from "node:http";
import { afterAll } from "vitest";
import { createApp, type CreateAppOptions } from "../app";
import type { AppContext } from "../context";
import { parseEnv, type Env } from "../env";
import { createEventBus } from "../lib/events";
import { createLogger, type Logger } from "../lib/logger";
import { closeRedis, createRedis } from "../lib/redis";
import type { Database } from "../db";
import { openReadReplica } from "../db/replica";
import { testDatabase } from "./database";

export type TestEnv = Partial<Record<keyof Env, string>>;

/** Rarely needed: a private database (e.g. a test that needs "the only admin") or a logger writing to a test stream. */
export interface TestAppOverrides {
  database?: Database;
  logger?: Logger;
}

/**
 * An in-process app on the worker's real database. Rate limits are off unless a test turns them on;
 * Redis is used when REDIS_URL is set (CI), exactly as in production.
 */
export async function createTestApp(envOverrides: TestEnv = {}, options: CreateAppOptions = {}, overrides: TestAppOverrides = {}) {
  const database = overrides.database ?? (await testDatabase());
  const env = parseEnv({
    NODE_ENV: "test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    AUTH_RATE_LIMIT_PER_MINUTE: "0",
    SESSION_SECRET: "test-session-secret-that-is-long-enough-123",
    REDIS_URL: process.env.REDIS_URL,
    ...envOverrides,
  });
  const logger = overrides.logger ?? createLogger(env.LOG_LEVEL);
  const redis = env.REDIS_URL ? createRedis(env.REDIS_URL, logger, "test", { budgetMs: env.REDIS_TIMEOUT_MS }) : undefined;
  const events = createEventBus(logger, redis, env.REDIS_PREFIX);
  const replica = env.DATABASE_REPLICA_URL
    ? await openReadReplica({ url: env.DATABASE_REPLICA_URL, primary: database, maxLagMs: env.REPLICA_MAX_LAG_MS, poolSize: 2, logger })
    : undefined;
  const ctx: AppContext = { env, database, db: database.db, replica, logger, redis, events, lifecycle: { shuttingDown: false } };
  const { app, services } = createApp(ctx, options);
  const servers: Server[] = [];
  const close = async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await services.jobs.stop(1_000); // a no-op unless the test started the workers
    await events.close();
    if (redis) await closeRedis(redis);
    await replica?.close();
  };
  afterAll(close);
  /** Listens on an ephemeral 127.0.0.1 port (for WebSocket and real-HTTP tests). */
  const listen = async () => {
    const server = app.listen(0, "127.0.0.1");
    servers.push(server);
    await new Promise<void>((r) => server.once("listening", () => r()));
    const address = server.address();
    return { server, port: typeof address === "object" && address ? address.port : 0 };
  };
  return { app, ctx, services, db: database.db, listen, close };
}

/** What createTestApp() resolves to: suites keep it in a `let t: TestApp` filled by beforeAll. */
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
