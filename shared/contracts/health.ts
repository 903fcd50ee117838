import { z } from "zod";

export const liveness = z.object({ status: z.literal("ok"), timestamp: z.string() });
/** `degraded`: an optional dependency (Redis) is failing; the replica serves without it and stays ready. */
export const checkState = z.enum(["healthy", "degraded", "unhealthy", "disabled"]);
export const readiness = z.object({
  status: z.enum(["ready", "not_ready"]),
  checks: z.object({ database: checkState, redis: checkState, memory: checkState }),
});
export type Readiness = z.infer<typeof readiness>;
