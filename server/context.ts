import type { Database, Db } from "./db";
import type { ReplicaRouter } from "./db/replica";
import type { Env } from "./env";
import type { Logger } from "./lib/logger";
import type { EventBus } from "./lib/events";
import type { Redis } from "./lib/redis";

/** Everything an app instance needs from the outside world. Tests build several of these side by side. */
export interface AppContext {
  env: Env;
  database: Database;
  db: Db;
  /** Present only when DATABASE_REPLICA_URL is set: where read-only catalog queries may go (ADR 064). */
  replica?: ReplicaRouter;
  logger: Logger;
  /** Present only when REDIS_URL is set. */
  redis?: Redis;
  /** Domain events; fans out across replicas through Redis pub/sub when REDIS_URL is set. */
  events: EventBus;
  lifecycle: Lifecycle;
}

/** Shared, mutable process state: readiness turns 503 as soon as shutdown begins. */
export interface Lifecycle {
  shuttingDown: boolean;
}
