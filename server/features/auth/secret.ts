import { hkdfSync, randomBytes } from "node:crypto";
import type { Env } from "../../env";
import type { Logger } from "../../lib/logger";

let perProcessSecret: string | undefined;

/**
 * SESSION_SECRET signs session cookies and (through a derived key) access tokens. Production requires it
 * (env.ts enforces that); elsewhere a random per-process secret keeps development working, at the price of
 * signing everyone out on restart and of not being shared between replicas.
 */
export function resolveSessionSecret(env: Env, logger: Logger): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production") throw new Error("SESSION_SECRET is required in production");
  if (!perProcessSecret) {
    perProcessSecret = randomBytes(32).toString("hex");
    logger.warn("SESSION_SECRET is not set: using a random per-process secret (sessions and tokens end at restart and are not shared between replicas)");
  }
  return perProcessSecret;
}

/** A key for one purpose, derived from the session secret so the two never sign each other's data. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "fruitful-planet", purpose, 32));
}
