import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, resolveChromiumPath } from "./e2e/chromium-path";

const PORT = Number(process.env.E2E_PORT ?? 5210); // helpers running suites side by side pick their own
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * Browser journeys against the BUILT app (`npm run test:e2e` builds first), started as `npm start`
 * would start it, on a fresh embedded database seeded with the demo catalog (scripts/e2e-server.mjs).
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1, // 2 cores, one PGlite-backed server
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: resolveChromiumPath(), args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health/readiness`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NODE_ENV: "development", // demo seeding is skipped in production
      LOG_LEVEL: "warn",
      SEED_DEMO: "true",
      RATE_LIMIT_PER_MINUTE: "0",
      // Always the embedded database in a throwaway DATA_DIR, even where the shell exports these.
      DATABASE_URL: "",
      REDIS_URL: "",
    },
  },
});
