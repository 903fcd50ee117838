/**
 * What head injection (ADR 046) costs per request: interleaved sequential GETs of the same server's static
 * shell (/index.html, what every page got before) and of rendered storefront pages, so machine noise hits
 * both alike. Prints median and p90 of each, and the difference.
 * Usage: npx tsx bench/storefront-head.ts http://127.0.0.1:5000 /products/<slug> [rounds=2000]
 */
import { fmtLoad } from "./lib/load-average";

const [base = "http://127.0.0.1:5000", productPath = "/", roundsArg = "2000"] = process.argv.slice(2);
const rounds = Number(roundsArg);
const paths = ["/index.html", productPath, "/", "/no-such-page"];
const samples = new Map<string, number[]>(paths.map((p) => [p, []]));

async function time(path: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(base + path, { headers: { "Accept-Encoding": "gzip" } });
  await res.arrayBuffer();
  return performance.now() - started;
}

for (const path of paths) for (let i = 0; i < 50; i++) await time(path); // warm: JIT, catalog cache, keep-alive
for (let i = 0; i < rounds; i++) for (const path of paths) samples.get(path)!.push(await time(path));

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const shell = quantile(samples.get("/index.html")!, 0.5);
for (const [path, xs] of samples) {
  const p50 = quantile(xs, 0.5);
  console.log(
    `${path.padEnd(72)} p50 ${p50.toFixed(3)} ms  p90 ${quantile(xs, 0.9).toFixed(3)} ms  (${p50 - shell >= 0 ? "+" : ""}${(p50 - shell).toFixed(3)} ms vs static shell)  load ${fmtLoad()}`,
  );
}
