import { createServer } from "node:http";
import { createApp, type CreateAppOptions } from "./app";
import { closeContext, createContext } from "./boot";
import { parseEnv, type Env } from "./env";
import { createLogger } from "./lib/logger";
import { deploymentWarnings } from "./lib/deployment-warnings";
import { startTracing } from "./lib/tracing";
import { DEMO_PASSWORD, DEMO_USERS, seedIfEmpty } from "../scripts/seed-data";
import { attachRealtime } from "./features/realtime/realtime.server";

// Boot: env → db (migrate) → seed demo data if empty → createApp → listen → graceful shutdown.
const startedAt = performance.now();
let env: Env;
try {
  env = parseEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const logger = createLogger(env.LOG_LEVEL);
for (const warning of deploymentWarnings(env)) logger.warn(warning);
// Before the database opens: its pool's queries are wrapped in spans only when tracing is on.
const tracing = await startTracing({ endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME, logger });
const ctx = await createContext(env, logger);

if (env.SEED_DEMO && env.NODE_ENV !== "production") {
  await seedIfEmpty(ctx.db, (message) => logger.info(message));
}

const server = createServer();
const options: CreateAppOptions = { serveSpa: true };
const dev = process.argv.includes("--dev");
if (dev) {
  // Vite in middleware mode: one port, HMR over the same HTTP server (npm run dev).
  const { createServer: createVite } = await import("vite");
  const vite = await createVite({ server: { middlewareMode: true, hmr: { server } }, appType: "spa" });
  options.devMiddleware = vite.middlewares;
}
const { app, services } = createApp(ctx, options);
server.on("request", app);
server.keepAliveTimeout = 65_000; // longer than typical load balancer idle timeouts
server.headersTimeout = 66_000;
// WebSocket /ws on the same server and port; the dashboard's once-a-second snapshots start with it.
const realtime = attachRealtime(server, ctx, services, {
  ignoreUpgrade: dev ? (req) => req.headers["sec-websocket-protocol"] === "vite-hmr" : undefined,
});
services.metrics.start();
if (env.JOBS_MODE === "inline") services.jobs.start(); // else `npm run worker` processes run the jobs

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = `http://localhost:${port}`;
  logger.info({ url, driver: ctx.database.driver, redis: Boolean(ctx.redis), bootMs: Math.round(performance.now() - startedAt) }, "FruitfulPlanet is ready");
  if (env.NODE_ENV !== "production") {
    const logins = env.SEED_DEMO ? `  Demo logins (password: ${DEMO_PASSWORD}):\n    ${DEMO_USERS.map((u) => u.email).join(" · ")}\n` : "";
    console.log(`\n  FruitfulPlanet is running at ${url}\n${logins}`);
  }
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  ctx.lifecycle.shuttingDown = true; // readiness answers 503 from now on
  logger.info({ signal }, "shutting down");
  const grace = setTimeout(() => {
    logger.error("grace period over; exiting with open connections");
    process.exit(1);
  }, env.SHUTDOWN_GRACE_MS);
  grace.unref();
  // WebSocket clients first (close code 1001, so the SPA reconnects to another replica): server.close()
  // would otherwise wait for their sockets.
  await realtime.close(1001, "Server shutting down");
  services.metrics.stop();
  server.close(); // stop accepting; in-flight requests finish
  server.closeIdleConnections();
  // Jobs share the grace period with in-flight requests: unfinished ones go back to the queue for another worker.
  await Promise.all([new Promise<void>((resolve) => server.once("close", () => resolve())), services.jobs.stop(env.SHUTDOWN_GRACE_MS / 2)]);
  await closeContext(ctx);
  await tracing.shutdown();
  logger.info("shutdown complete");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
