import type { AppContext } from "./context";
import { openDatabase } from "./db";
import { openReadReplica } from "./db/replica";
import { parseEnv, type Env } from "./env";
import { reportBackgroundFailure } from "./lib/background";
import { createLogger, type Logger } from "./lib/logger";
import { createEventBus } from "./lib/events";
import { closeRedis, createRedis } from "./lib/redis";
import { startTracing, type Tracing } from "./lib/tracing";

/** Opens the database (migrated) and Redis for an environment: shared by the server, scripts and tests. */
export async function createContext(env: Env, logger: Logger = createLogger(env.LOG_LEVEL)): Promise<AppContext> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE, logger });
  await database.migrate();
  const replica = env.DATABASE_REPLICA_URL
    ? await openReadReplica({ url: env.DATABASE_REPLICA_URL, primary: database, maxLagMs: env.REPLICA_MAX_LAG_MS, poolSize: env.DATABASE_POOL_SIZE, logger })
    : undefined;
  const redis = env.REDIS_URL ? createRedis(env.REDIS_URL, logger, "main", { budgetMs: env.REDIS_TIMEOUT_MS }) : undefined;
  const events = createEventBus(logger, redis, env.REDIS_PREFIX);
  return { env, database, db: database.db, replica, logger, redis, events, lifecycle: { shuttingDown: false } };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.events.close();
  await Promise.allSettled([ctx.database.close(), ctx.replica?.close(), ctx.redis && closeRedis(ctx.redis)]);
}

export interface BootedProcess {
  env: Env;
  logger: Logger;
  tracing: Tracing;
  ctx: AppContext;
}

/**
 * The first steps of every long-running process (web replica, job worker), in the order they depend on each other:
 * env (a bad one ends the process with its message, exit 1) → logger → `beforeContext` (the web app's deployment
 * warnings) → tracing (before the database opens: its pool's queries are wrapped in spans only when tracing is on)
 * → the unhandled-rejection guard → the context (database migrated, Redis, events).
 */
export async function bootProcess(beforeContext?: (env: Env, logger: Logger) => void): Promise<BootedProcess> {
  let env: Env;
  try {
    env = parseEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const logger = createLogger(env.LOG_LEVEL);
  beforeContext?.(env, logger);
  const tracing = await startTracing({ endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME, logger });
  // A promise nobody awaited (a background task's bug) is logged and counted, not a crash of all work in flight.
  process.on("unhandledRejection", (reason) => reportBackgroundFailure("unhandled-rejection", logger, reason));
  const ctx = await createContext(env, logger);
  return { env, logger, tracing, ctx };
}

/**
 * Calls `shutdown` on the first SIGTERM or SIGINT (`onRepeat` on any later one), after arming the grace period:
 * past SHUTDOWN_GRACE_MS the process exits 1 whatever is still running. `shutdown` ends with its own exit 0.
 */
export function onShutdownSignal(
  booted: Pick<BootedProcess, "env" | "logger" | "ctx">,
  shutdown: (signal: string, armGrace: () => void) => Promise<void>,
  onRepeat?: () => void,
): void {
  let shuttingDown = false;
  const { env, logger, ctx } = booted;
  const armGrace = () => {
    const grace = setTimeout(() => {
      logger.error("grace period over; exiting with work still running");
      process.exit(1);
    }, env.SHUTDOWN_GRACE_MS);
    grace.unref();
  };
  const handle = (signal: string) => {
    if (shuttingDown) return onRepeat?.();
    shuttingDown = true;
    ctx.lifecycle.shuttingDown = true;
    void shutdown(signal, armGrace);
  };
  process.on("SIGTERM", () => handle("SIGTERM"));
  process.on("SIGINT", () => handle("SIGINT"));
}
