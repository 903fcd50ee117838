// Screenshots of the main pages at desktop (1366×900) and phone (390×844) width into docs/screenshots/, plus the
// home page in the dark theme. Starts nothing: point BASE_URL at a running app with the demo data
// (SEED_DEMO=true). Usage: BASE_URL=http://127.0.0.1:5000 npm run screenshot
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumArgs, resolveChromiumPath } from "../e2e/chromium-path";
import { DEMO_PASSWORD } from "../server/seed/seed-data";

const baseUrl = process.env.BASE_URL ?? "http://127.0.0.1:5000";
const outputDir = resolve("docs/screenshots");
const sizes = { desktop: { width: 1366, height: 900 }, mobile: { width: 390, height: 844 } } as const;

interface Shot {
  name: string;
  path: string;
  /** A demo account to sign in as first (its own browser context). */
  as?: string;
  /** What must be on screen before the picture: content, not skeletons. */
  ready: (page: Page) => Promise<void>;
  theme?: "dark";
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).first().waitFor();

async function firstProductPath(page: Page): Promise<string> {
  const response = await page.request.get(`${baseUrl}/api/v1/products?limit=1`);
  const body = (await response.json()) as { data: { slug: string; id: string; priceCents: number }[] };
  return `/products/${body.data[0]!.slug}`;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** A cart with the first product in it, put where the cart store reads it (localStorage). */
async function fillCart(page: Page, productPath: string): Promise<void> {
  await page.goto(`${baseUrl}${productPath}`);
  await page
    .getByRole("button", { name: /add to cart/i })
    .first()
    .click();
}

async function capture(browser: Browser, shot: Shot, size: keyof typeof sizes, productPath: string): Promise<void> {
  const context = await browser.newContext({ viewport: sizes[size], colorScheme: shot.theme ?? "light", deviceScaleFactor: 1 });
  const page = await context.newPage();
  try {
    if (shot.as) await signIn(page, shot.as);
    if (shot.name === "cart" || shot.name === "checkout") await fillCart(page, productPath);
    await page.goto(`${baseUrl}${shot.path.replace("{product}", productPath)}`, { waitUntil: "networkidle" });
    await shot.ready(page);
    const file = `${outputDir}/${shot.name}-${size}.png`;
    await page.screenshot({ path: file });
    console.log(`saved ${file}`);
  } finally {
    await context.close();
  }
}

const shots: Shot[] = [
  { name: "home", path: "/", ready: (page) => page.getByTestId("product-card").first().waitFor() },
  { name: "home-dark", path: "/", theme: "dark", ready: (page) => page.getByTestId("product-card").first().waitFor() },
  { name: "product", path: "{product}", ready: heading },
  { name: "search", path: "/search?q=apple", ready: (page) => page.getByTestId("product-card").first().waitFor() },
  { name: "cart", path: "/cart", ready: heading },
  { name: "checkout", path: "/checkout", as: "shopper@fruitful.test", ready: heading },
  { name: "dashboard", path: "/dashboard", as: "staff@fruitful.test", ready: heading },
  { name: "admin-home", path: "/admin", as: "admin@fruitful.test", ready: heading },
];

mkdirSync(outputDir, { recursive: true });
const browser = await chromium.launch({ executablePath: resolveChromiumPath(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  const productPath = await firstProductPath(page);
  await page.close();
  for (const shot of shots) {
    for (const size of Object.keys(sizes) as (keyof typeof sizes)[]) await capture(browser, shot, size, productPath);
  }
} finally {
  await browser.close();
}
