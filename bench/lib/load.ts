import autocannon from "autocannon";

export interface LoadSummary {
  durationS: number;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Average body + header bytes per response (throughput / req/s). */
  bytesPerResponse: number;
}

/** One autocannon run against url (keep-alive connections, no pipelining, GET). */
export async function runLoad(url: string, connections: number, durationS: number, headers: Record<string, string> = {}): Promise<LoadSummary> {
  const result = await autocannon({ url, connections, duration: durationS, pipelining: 1, timeout: 10, headers });
  return {
    durationS,
    connections,
    requests: result.requests.total,
    reqPerSec: result.requests.mean,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: result.requests.mean > 0 ? Math.round(result.throughput.mean / result.requests.mean) : 0,
  };
}
