import { Agent } from "node:http";
import { percentile, round } from "../../bench/lib/config";
import type { Answer } from "./http";

/** One request of the load, as the client saw it. */
export interface Outcome {
  kind: string;
  /** ms since the load started, when the request was sent. */
  at: number;
  ms: number;
  status?: number;
  retryAfter?: string;
  errorCode?: string;
  error?: string;
}

/** `from` is a keep-alive agent bound to one client address: the client side keeps its connections to nginx. */
export type LoadRequest = { kind: string; run: (from: Agent) => Promise<Answer> };

/**
 * Client addresses the load comes from (127.0.1.1–127.0.1.100; Linux routes all of 127/8 to the loopback): nginx
 * forwards each as the client IP, so the per-IP rate limit applies as it would to 100 real shoppers.
 */
const LOAD_CLIENTS = Array.from({ length: 100 }, (_, i) => new Agent({ keepAlive: true, maxSockets: 4, localAddress: `127.0.1.${i + 1}` }));

/**
 * Open-loop load: `ratePerSecond` requests are started on schedule whether or not earlier ones have answered (a
 * closed loop would slow down when the server does, hiding drops), capped at `maxInFlight`.
 */
export function startLoad(ratePerSecond: number, next: (i: number) => LoadRequest, maxInFlight = 200) {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  let issued = 0;
  let inFlight = 0;
  let skipped = 0;
  const pending = new Set<Promise<void>>();

  const fire = () => {
    const i = issued++;
    if (inFlight >= maxInFlight) {
      skipped++;
      return;
    }
    const request = next(i);
    const at = performance.now() - started;
    inFlight++;
    const promise = request
      .run(LOAD_CLIENTS[i % LOAD_CLIENTS.length]!)
      .then(
        (answer) => {
          const retryAfter = answer.headers["retry-after"];
          const errorCode = answer.status >= 400 ? errorCodeOf(answer.body) : undefined;
          outcomes.push({
            kind: request.kind,
            at,
            ms: answer.ms,
            status: answer.status,
            retryAfter: typeof retryAfter === "string" ? retryAfter : undefined,
            errorCode,
          });
        },
        (err: Error) => {
          outcomes.push({ kind: request.kind, at, ms: performance.now() - started - at, error: err.message });
        },
      )
      .finally(() => {
        inFlight--;
        pending.delete(promise);
      });
    pending.add(promise);
  };

  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * ratePerSecond);
    while (issued < due) fire();
  }, 10);

  return {
    outcomes,
    elapsedMs: () => performance.now() - started,
    /** Requests not sent because `maxInFlight` were still waiting (the servers could not keep up). */
    skipped: () => skipped,
    async stop(): Promise<void> {
      clearInterval(timer);
      await Promise.all([...pending]);
    },
  };
}

/** The contract's error code, or undefined for a body that is not ours (e.g. nginx's own 502 page). */
function errorCodeOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

export const isOk = (o: Outcome) => o.status !== undefined && o.status >= 200 && o.status < 300;

/** "200×812 409×3 error×1": every answer and failure by status. */
export function statusBreakdown(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const failure = o.error?.includes("timed out") ? "client-timeout-10s" : "conn-error";
    const key = o.status === undefined ? failure : o.errorCode ? `${o.status} ${o.errorCode}` : String(o.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (
    [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, n]) => `${key}×${n}`)
      .join(", ") || "none"
  );
}

export function latencySummary(outcomes: Outcome[]): string {
  const ms = outcomes
    .filter((o) => o.status !== undefined)
    .map((o) => o.ms)
    .sort((a, b) => a - b);
  if (ms.length === 0) return "no answers";
  return `p50 ${round(percentile(ms, 50))} ms, p99 ${round(percentile(ms, 99))} ms, max ${round(ms.at(-1)!)} ms`;
}

export const firstError = (outcomes: Outcome[]) => outcomes.find((o) => o.error)?.error;
