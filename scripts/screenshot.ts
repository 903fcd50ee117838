// Captures the storefront home page for the README. Starts nothing: point BASE_URL at a running app.
// Usage: BASE_URL=http://127.0.0.1:5000 npm run screenshot
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { chromium } from "playwright-core";
import { chromiumArgs, resolveChromiumPath } from "../e2e/chromium-path";

const baseUrl = process.env.BASE_URL ?? "http://127.0.0.1:5000";
const output = resolve("docs/storefront.png");

const browser = await chromium.launch({ executablePath: resolveChromiumPath(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(baseUrl, { waitUntil: "networkidle" });
  // Content, not skeletons: wait for the sector cards and the product cards.
  await page.getByRole("heading", { name: "Shop by sector" }).waitFor();
  await page.getByTestId("product-card").first().waitFor();
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`saved ${output}`);
} finally {
  await browser.close();
}
