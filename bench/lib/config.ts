import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const RESULTS_DIR = join(ROOT, "bench/results");
/** The production bundle every bench starts (npm run build:server). */
export const APP_ENTRY = join(ROOT, "dist/server/index.js");

/** A positive integer from the environment (BENCH_DURATION=10 …), or `fallback` when the variable is unset or empty. */
/** BENCH_NODE_FLAGS: Node flags for the server a bench starts (e.g. "--max-semi-space-size=4"). */
export const nodeFlagsFromEnv = (): string[] => (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);

export function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
