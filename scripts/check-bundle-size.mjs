// Two budgets, gzipped (ADR 063):
// - the storefront's initial JavaScript: the entry script(s) plus every chunk index.html modulepreloads, i.e.
//   what every page needs before its first paint (React, the router, the header and footer frame);
// - the home page's critical path: that, plus what the server modulepreloads for "/" (the data layer's chunk,
//   client/src/app/app-routes.tsx, and the home page's chunk, each with its static imports; the same walk as
//   server/features/storefront/spa-document.ts). This keeps code from merely moving out of the entry.
// Usage: node scripts/check-bundle-size.mjs [--budget-kb=80] [--home-budget-kb=106]   (after `npm run build:client`)
// History: 150 → 91 KB (zod, the search combobox, the account menu and the sign-in mutations left the entry);
// 91 → 80 KB once TanStack Query and the data-driven parts moved to the data layer's chunk (issue 13).
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const distDirArg = process.argv.find((a) => a.startsWith("--dist="));
const distDir = resolve(distDirArg ? distDirArg.split("=")[1] : "dist/client");
const indexPath = join(distDir, "index.html");
const numberArg = (name, fallback) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split("=")[1]) : fallback;
};
const budgetKb = numberArg("budget-kb", 80);
const homeBudgetKb = numberArg("home-budget-kb", 106);
const APP_ROUTES_MODULE = "src/app/app-routes.tsx";
const HOME_MODULE = "src/pages/home-page.tsx";

if (!existsSync(indexPath)) {
  console.error(`${indexPath} not found: run \`npm run build:client\` first.`);
  process.exit(2);
}
const html = readFileSync(indexPath, "utf8");

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=["']([^"']+)["']`, "i"))?.[1];
const scripts = [...html.matchAll(/<script\b[^>]*>/gi)]
  .map((m) => m[0])
  .filter((t) => /type=["']module["']/i.test(t))
  .map((t) => attr(t, "src"));
const preloads = [...html.matchAll(/<link\b[^>]*>/gi)]
  .map((m) => m[0])
  .filter((t) => /rel=["']modulepreload["']/i.test(t))
  .map((t) => attr(t, "href"));
const styles = [...html.matchAll(/<link\b[^>]*>/gi)]
  .map((m) => m[0])
  .filter((t) => /rel=["']stylesheet["']/i.test(t))
  .map((t) => attr(t, "href"));

const files = [...new Set([...scripts, ...preloads].filter(Boolean))];
if (files.length === 0) {
  console.error("No entry script found in dist/client/index.html.");
  process.exit(2);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
function measure(url) {
  const path = join(distDir, url.replace(/^\//, ""));
  const raw = readFileSync(path);
  return { url, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}

let total = 0;
console.log("Initial JavaScript (entry + modulepreload):");
for (const file of files) {
  const size = measure(file);
  total += size.gzip;
  console.log(`  ${size.url.padEnd(48)} ${kb(size.raw).padStart(10)} raw  ${kb(size.gzip).padStart(9)} gzip`);
}
for (const file of styles.filter(Boolean)) {
  const size = measure(file);
  console.log(`  ${size.url.padEnd(48)} ${kb(size.raw).padStart(10)} raw  ${kb(size.gzip).padStart(9)} gzip  (CSS, not counted)`);
}
console.log(`Total initial JS: ${kb(total)} gzip (budget ${budgetKb} KB)`);

const manifestPath = join(distDir, ".vite", "manifest.json");
let homeTotal = total;
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const counted = new Set(files.map((f) => f.replace(/^\//, "")));
  const seen = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    if (!counted.has(chunk.file)) {
      counted.add(chunk.file);
      homeTotal += measure(chunk.file).gzip;
    }
    chunk.imports?.forEach(walk);
  };
  walk(APP_ROUTES_MODULE);
  walk(HOME_MODULE);
  console.log(`Home page's critical path (+ the server's modulepreloads for /): ${kb(homeTotal)} gzip (budget ${homeBudgetKb} KB)`);
} else {
  console.error(`${manifestPath} not found: the home page's critical path is not checked.`);
}

let failed = false;
if (total > budgetKb * 1024) {
  console.error(`Initial JS over budget by ${kb(total - budgetKb * 1024)}.`);
  failed = true;
}
if (homeTotal > homeBudgetKb * 1024) {
  console.error(`Home page's critical path over budget by ${kb(homeTotal - homeBudgetKb * 1024)}.`);
  failed = true;
}
if (failed) process.exit(1);
