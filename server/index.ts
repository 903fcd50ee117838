import { createApp, type CreateAppOptions } from "./app";
import { bootProcess, closeContext, onShutdownSignal } from "./boot";
import { deploymentWarnings } from "./lib/deployment-warnings";
import { reportBackgroundFailure } from "./lib/background";
import { createHttpServer } from "./lib/http-server";
import { DEMO_PASSWORD, DEMO_USERS, seedIfEmpty } from "./seed/seed-data";
import { attachRealtime } from "./features/realtime/realtime.server";

// Boot: env → db (migrate) → seed demo data if empty → createApp → listen → graceful shutdown (drain).
const startedAt = performance.now();
const booted = await bootProcess((env, logger) => {
  for (const warning of deploymentWarnings(env)) logger.warn(warning);
});
const { env, logger, tracing, ctx } = booted;

if (env.SEED_DEMO && env.NODE_ENV !== "production") {
  await seedIfEmpty(ctx.db, (message) => logger.info(message));
}

const http = createHttpServer({
  headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
  maxConnectionsPerIp: env.MAX_CONNECTIONS_PER_IP,
});
const server = http.server;
// Out of file handles, accept() fails and the server emits "error": counted and survived, not a crash. Only a
// failure to listen at all (port taken) ends the process.
server.on("error", (err: NodeJS.ErrnoException) => {
  if (!server.listening) {
    logger.fatal({ err: err.message, code: err.code }, "cannot listen");
    process.exit(1);
  }
  reportBackgroundFailure("http-accept", logger, err);
});
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

/**
 * SIGTERM (Kubernetes) or SIGINT: readiness answers 503 at once, but the replica keeps serving for
 * SHUTDOWN_DELAY_MS while balancers notice; then it drains (stops accepting, `Connection: close` on what is in
 * flight, idle keep-alive sockets closed, WebSocket clients 1001) and exits 0. A second signal skips the delay.
 */
let skipDelay: (() => void) | undefined;
async function shutdown(signal: string, armGrace: () => void) {
  logger.info({ signal, delayMs: env.SHUTDOWN_DELAY_MS }, "shutting down: readiness is 503, still serving while balancers notice");
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, env.SHUTDOWN_DELAY_MS);
    skipDelay = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  logger.info({ graceMs: env.SHUTDOWN_GRACE_MS }, "draining connections");
  armGrace();
  services.metrics.stop();
  // WebSocket clients get 1001 (the SPA reconnects to another replica) while HTTP drains: the server's close
  // waits for their sockets too. Jobs share the grace period: unfinished ones go back to the queue for another worker.
  await Promise.all([realtime.close(1001, "Server shutting down"), http.drain(), services.jobs.stop(env.SHUTDOWN_GRACE_MS / 2)]);
  await closeContext(ctx);
  await tracing.shutdown();
  logger.info("shutdown complete");
  process.exit(0);
}
onShutdownSignal(booted, shutdown, () => skipDelay?.());
