import type { Readiness } from "@shared/contracts/health";
import type { AppContext } from "../../context";
import { redisGuard } from "../../lib/redis";

const CHECK_TIMEOUT_MS = 1_000;
/** Above this share of the V8 heap limit the replica asks to be taken out of rotation. */
const MAX_HEAP_SHARE = 0.9;
/** What a 503 readiness (and a request refused for an unavailable database) tells clients to wait. */
export const NOT_READY_RETRY_AFTER_SECONDS = 5;

/**
 * Redis is optional for serving (cache, rate limits and fan-out fall back to this process), so a Redis outage
 * reads `degraded` and never takes the replica out of rotation: every replica shares the same Redis, and
 * failing readiness on all of them at once would empty the Service. The ping goes through the guard, so it
 * costs at most one Redis budget and doubles as the breaker's trial call.
 */
async function redisCheck(ctx: AppContext): Promise<"healthy" | "degraded" | "disabled"> {
  if (!ctx.redis) return "disabled";
  try {
    const pong = await redisGuard(ctx.redis).run("readiness ping", (r) => r.ping());
    return pong === "PONG" ? "healthy" : "degraded";
  } catch {
    return "degraded";
  }
}

export function createHealthService(ctx: AppContext, heapLimitBytes: () => number) {
  return {
    liveness: () => ({ status: "ok" as const, timestamp: new Date().toISOString() }),

    /** Ready = not shutting down, the database answers, memory within limits. Redis only informs. */
    async readiness(): Promise<Readiness> {
      // Shutting down: answer at once (a probe must not wait for a ping behind the drain's last queries).
      if (ctx.lifecycle.shuttingDown) {
        return { status: "not_ready", checks: { database: "healthy", redis: ctx.redis ? redisGuard(ctx.redis).state : "disabled", memory: "healthy" } };
      }
      const [database, redis] = await Promise.all([
        ctx.database.ping(CHECK_TIMEOUT_MS).then(
          () => "healthy" as const,
          () => "unhealthy" as const,
        ),
        redisCheck(ctx),
      ]);
      const memory = process.memoryUsage().heapUsed / heapLimitBytes() < MAX_HEAP_SHARE ? "healthy" : "unhealthy";
      const checks = { database, redis, memory } as const;
      const ready = !ctx.lifecycle.shuttingDown && database === "healthy" && memory === "healthy";
      return { status: ready ? "ready" : "not_ready", checks };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
