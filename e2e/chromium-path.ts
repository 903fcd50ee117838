import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export const CHROMIUM_NOT_FOUND = "Chromium not found: run `apt-get install -y chromium` or set CHROMIUM_PATH";

/** Flags for a headless Chromium in containers and CI: no sandbox (root), no GPU, no background traffic. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a browser Playwright downloaded itself. */
export function resolveChromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist`);
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright throws when its browsers were never installed; fall through to the readable error.
  }
  throw new Error(CHROMIUM_NOT_FOUND);
}
