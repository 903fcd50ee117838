import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts: the client root there must not apply to server tests.
export default defineConfig({
  resolve: {
    alias: {
      "@shared": fileURLToPath(new URL("./shared", import.meta.url)),
      "@client": fileURLToPath(new URL("./client/src", import.meta.url)),
    },
  },
  test: {
    include: ["server/**/*.test.ts", "shared/**/*.test.ts", "scripts/**/*.test.ts", "client/src/**/*.test.ts", "k8s/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Integration tests mostly wait on PostgreSQL, Redis and child processes, so two forks on a 2-core CI box
    // nearly halve the run (369 s → 218 s on PostgreSQL, measured) without starving each other. At most 4: each fork
    // holds a pool of up to 20 connections plus the servers some tests start, and on a many-core CI box more forks
    // filled PostgreSQL's default 100 connection slots (a checkout test then met 503s).
    maxWorkers: Math.min(4, Math.max(2, availableParallelism() - 1)),
    globalSetup: ["server/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
