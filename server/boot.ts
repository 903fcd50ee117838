import type { AppContext } from "./context";
import { openDatabase } from "./db";
import type { Env } from "./env";
import { createLogger, type Logger } from "./lib/logger";
import { createEventBus } from "./lib/events";
import { closeRedis, createRedis } from "./lib/redis";

/** Opens the database (migrated) and Redis for an environment: shared by the server, scripts and tests. */
export async function createContext(env: Env, logger: Logger = createLogger(env.LOG_LEVEL)): Promise<AppContext> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE, logger });
  await database.migrate();
  const redis = env.REDIS_URL ? createRedis(env.REDIS_URL, logger, "main", { budgetMs: env.REDIS_TIMEOUT_MS }) : undefined;
  const events = createEventBus(logger, redis, env.REDIS_PREFIX);
  return { env, database, db: database.db, logger, redis, events, lifecycle: { shuttingDown: false } };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.events.close();
  await Promise.allSettled([ctx.database.close(), ctx.redis && closeRedis(ctx.redis)]);
}
