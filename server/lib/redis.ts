import { Redis } from "ioredis";
import type { Logger } from "./logger";

/**
 * One place that creates Redis connections. Commands fail fast (no offline queue growth,
 * 2 s command timeout) so that a Redis outage never makes a request hang.
 */
export function createRedis(url: string, logger: Logger, name = "main"): Redis {
  const client = new Redis(url, {
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
  client.on("ready", () => {
    lastError = "";
  });
  return client;
}

export type { Redis };
