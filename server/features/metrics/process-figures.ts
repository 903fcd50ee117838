import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import type { Snapshot } from "@shared/contracts/metrics";

/** The event-loop delay histogram's timer period: its samples include it, so it is subtracted. */
export const EVENT_LOOP_RESOLUTION_MS = 10;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The process figures of a snapshot: RSS, heap, CPU % (CPU time over wall time since the previous sample,
 * 100 = one core busy) and event-loop lag (p99 of the loop's delay since the previous sample, beyond the
 * sampling timer's own period). Each app's collector owns one sampler: samples reset the histogram.
 */
export class ProcessSampler {
  private histogram: IntervalHistogram | undefined;
  private lastCpu = process.cpuUsage();
  private lastWallNs = process.hrtime.bigint();

  start(): void {
    this.histogram ??= monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
    this.histogram.enable();
    this.lastCpu = process.cpuUsage();
    this.lastWallNs = process.hrtime.bigint();
  }

  stop(): void {
    this.histogram?.disable();
  }

  sample(): Snapshot["process"] {
    const now = process.hrtime.bigint();
    const cpu = process.cpuUsage(this.lastCpu);
    const wallMicros = Number(now - this.lastWallNs) / 1_000;
    this.lastCpu = process.cpuUsage();
    this.lastWallNs = now;
    const cpuPercent = wallMicros > 0 ? ((cpu.user + cpu.system) / wallMicros) * 100 : 0;

    let eventLoopLagMs = 0;
    if (this.histogram && this.histogram.count > 0) {
      eventLoopLagMs = Math.max(0, this.histogram.percentile(99) / 1e6 - EVENT_LOOP_RESOLUTION_MS);
      this.histogram.reset();
    }
    const memory = process.memoryUsage();
    return { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, cpuPercent: round(cpuPercent, 1), eventLoopLagMs: round(eventLoopLagMs, 2) };
  }
}
