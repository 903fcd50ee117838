import type { Readiness } from "@shared/contracts/health";
import type { AppContext } from "../../context";

const CHECK_TIMEOUT_MS = 1_000;
/** Above this share of the V8 heap limit the replica asks to be taken out of rotation. */
const MAX_HEAP_SHARE = 0.9;

async function redisCheck(ctx: AppContext): Promise<"healthy" | "unhealthy" | "disabled"> {
  if (!ctx.redis) return "disabled";
  try {
    const pong = await Promise.race([
      ctx.redis.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS).unref()),
    ]);
    return pong === "PONG" ? "healthy" : "unhealthy";
  } catch {
    return "unhealthy";
  }
}

export function createHealthService(ctx: AppContext, heapLimitBytes: () => number) {
  return {
    liveness: () => ({ status: "ok" as const, timestamp: new Date().toISOString() }),

    async readiness(): Promise<Readiness> {
      const [database, redis] = await Promise.all([
        ctx.database.ping(CHECK_TIMEOUT_MS).then(() => "healthy" as const, () => "unhealthy" as const),
        redisCheck(ctx),
      ]);
      const memory = process.memoryUsage().heapUsed / heapLimitBytes() < MAX_HEAP_SHARE ? "healthy" : "unhealthy";
      const checks = { database, redis, memory } as const;
      const ready = !ctx.lifecycle.shuttingDown && database === "healthy" && redis !== "unhealthy" && memory === "healthy";
      return { status: ready ? "ready" : "not_ready", checks };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
