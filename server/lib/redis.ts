import { createRequire } from "node:module";
import type { Redis } from "ioredis";
import type { Logger } from "./logger";
import { inSpan, tracingEnabled } from "./tracing";

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
  traceRedisCommands(client);
  client.on("ready", () => {
    lastError = "";
  });
  return client;
}

/** Each command a `redis` CLIENT span (name only, never keys or values); installed only when tracing is on. */
function traceRedisCommands(client: Redis): void {
  if (!tracingEnabled()) return;
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command: Parameters<Redis["sendCommand"]>[0], stream?: Parameters<Redis["sendCommand"]>[1]) =>
    inSpan(`redis ${command.name}`, { "db.system.name": "redis", "db.operation.name": command.name }, () => send(command, stream) as Promise<unknown>)) as Redis["sendCommand"];
}

export type { Redis };
