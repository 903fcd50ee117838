/**
 * Lighthouse 12, mobile (its default: Moto G Power screen, simulated slow 4G and 4× CPU slowdown), on the home
 * page, a product page and search; median of RUNS runs per page (Lighthouse's own median-run pick). Prints the
 * four category scores and LCP/TBT/CLS. A bench, not a CI gate: scores move with the machine's load.
 * Starts nothing: point it at a running app with the demo catalog (SEED_DEMO=true), ideally a production build.
 * Usage: npm run bench:lighthouse -- [http://127.0.0.1:5000] [runs=3]
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import type { Result } from "lighthouse";
import { chromiumArgs, resolveChromiumPath } from "../../e2e/chromium-path";
import { fmtLoad } from "../lib/load-average";

const [base = "http://127.0.0.1:5000", runsArg = "3"] = process.argv.slice(2);
const runs = Number(runsArg);

async function productPath(): Promise<string> {
  const res = await fetch(`${base}/api/v1/products?inStock=true&limit=1`);
  const body = (await res.json()) as { data: { slug: string }[] };
  return `/products/${body.data[0]!.slug}`;
}

const pages: [label: string, path: string][] = [
  ["home", "/"],
  ["product", await productPath()],
  ["search", "/search?q=apple"],
];

const chrome = await chromeLauncher.launch({ chromePath: resolveChromiumPath(), chromeFlags: ["--headless=new", ...chromiumArgs] });
const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const ms = (lhr: Result, audit: string) => Math.round(lhr.audits[audit]?.numericValue ?? 0);
try {
  console.log(`Lighthouse ${runs}× mobile against ${base} (median run per page), load average ${fmtLoad()}`);
  console.log("page      perf  a11y  best-pr  seo   LCP ms  TBT ms  CLS   load average");
  for (const [label, path] of pages) {
    const results: Result[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      results.push(result.lhr);
    }
    const lhr = computeMedianRun(results);
    const cls = (lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3);
    console.log(
      `${label.padEnd(9)} ${String(score(lhr, "performance")).padStart(4)}  ${String(score(lhr, "accessibility")).padStart(4)}  ${String(score(lhr, "best-practices")).padStart(7)}  ${String(score(lhr, "seo")).padStart(3)}  ${String(ms(lhr, "largest-contentful-paint")).padStart(7)}  ${String(ms(lhr, "total-blocking-time")).padStart(6)}  ${cls}  ${fmtLoad()}`,
    );
    // What cost points, so a low score says where to look.
    const audits = Object.values(lhr.audits) as { id: string; score: number | null; scoreDisplayMode: string }[];
    const failing = audits
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 0.9 &&
          a.scoreDisplayMode !== "informative" &&
          a.scoreDisplayMode !== "notApplicable" &&
          a.scoreDisplayMode !== "manual",
      )
      .map((a) => a.id);
    if (failing.length) console.log(`          below 90: ${failing.slice(0, 12).join(", ")}`);
  }
} finally {
  chrome.kill();
}
