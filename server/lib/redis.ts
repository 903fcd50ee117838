import { createRequire } from "node:module";
import type { Redis } from "ioredis";
import type { Logger } from "./logger";

// ioredis costs ~14 MB of RSS to load: only processes that set REDIS_URL pay for it (bench/catalog-list idle RSS).
const loadIoredis = () => (createRequire(import.meta.url)("ioredis") as typeof import("ioredis")).Redis;

/**
 * One place that creates Redis connections. Commands fail fast (no offline queue growth,
 * 2 s command timeout) so that a Redis outage never makes a request hang.
 */
export function createRedis(url: string, logger: Logger, name = "main"): Redis {
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
  client.on("ready", () => {
    lastError = "";
  });
  return client;
}

export type { Redis };
