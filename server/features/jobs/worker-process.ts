import { createServer } from "node:http";
import express from "express";
import { bootProcess, closeContext, onShutdownSignal } from "../../boot";
import type { AppContext } from "../../context";
import { createServices, type Services } from "../../services";
import { healthTable } from "../../route-tables";

export interface WorkerProcessOptions {
  /** Extra handlers beside the features' own (the queue's process tests register their probe kinds here). */
  register?: (services: Services, ctx: AppContext) => void;
}

/**
 * A worker-only process (`npm run worker`): the same services as the web app, job workers on, and no public
 * HTTP — only the liveness/readiness probes on WORKER_PORT, with the web app's paths and bodies.
 * SIGTERM: readiness turns 503, running jobs finish or go back to the queue, exit 0.
 */
export async function runWorkerProcess(options: WorkerProcessOptions = {}): Promise<void> {
  const booted = await bootProcess();
  const { env, logger, tracing, ctx } = booted;
  if (ctx.database.driver === "pglite") logger.warn("embedded PGlite is single-process: a separate worker cannot share it; use DATABASE_URL");
  const services = createServices(ctx);
  options.register?.(services, ctx);

  const probes = express();
  probes.disable("x-powered-by");
  probes.use(healthTable.table.mount, healthTable.mount(services, ctx));
  const server = createServer(probes);
  await new Promise<void>((resolve) => server.listen(env.WORKER_PORT, env.HOST, resolve));
  services.jobs.start();
  const address = server.address();
  logger.info({ probePort: typeof address === "object" && address ? address.port : env.WORKER_PORT, driver: ctx.database.driver }, "job worker is ready");

  onShutdownSignal(booted, async (signal, armGrace) => {
    logger.info({ signal }, "worker shutting down");
    armGrace();
    // Leave a margin of the grace period for handing unfinished jobs back and closing the pools.
    await services.jobs.stop(Math.max(0, env.SHUTDOWN_GRACE_MS - 2_000));
    server.close();
    server.closeAllConnections();
    await closeContext(ctx);
    await tracing.shutdown();
    logger.info("worker shutdown complete");
    process.exit(0);
  });
}
