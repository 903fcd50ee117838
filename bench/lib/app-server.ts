import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { envVariableNames } from "../../server/env";
import { APP_ENTRY, ROOT } from "./config";

/**
 * The app as every bench runs it: production mode, warn-level logs (at info each request writes an access-log
 * line and the bench would partly measure the logger), no rate limits (one client IP sends everything), no demo seeding.
 */
export const BENCH_APP_ENV = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
  RATE_LIMIT_PER_MINUTE: "0",
  AUTH_RATE_LIMIT_PER_MINUTE: "0",
  SEED_DEMO: "false",
} as const;

/** The environment a child starts from: ours, minus every variable the app reads (each bench sets its own). */
export function cleanChildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of envVariableNames) delete env[name];
  delete env.NODE_OPTIONS; // e.g. a loader from the bench's own runner must not reach the servers
  return env;
}

/**
 * npm run build:server → dist/server/index.js, or the existing bundle with BENCH_SKIP_BUILD=1. Only the server
 * bundle: the measured paths are /api and /ws, and the app simply does not mount the SPA when dist/client is absent.
 */
export function buildServerBundle(skipBuild: boolean, log: (message: string) => void): void {
  if (skipBuild) {
    if (!existsSync(APP_ENTRY)) throw new Error("BENCH_SKIP_BUILD=1 but dist/server/index.js is missing");
    log("Using the existing dist/server/index.js (BENCH_SKIP_BUILD=1).");
    return;
  }
  log("Building the app as production runs it: npm run build:server → dist/server/index.js");
  const result = spawnSync("npm", ["run", "--silent", "build:server"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build:server failed (exit ${result.status})`);
}
