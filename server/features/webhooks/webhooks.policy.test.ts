import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "./webhooks.policy";

describe("webhook retry schedule", () => {
  it("when the defaults apply, then the seven retries grow by four and span about a day", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelaySeconds(n, 30, () => 0.5));
    expect(delays).toEqual([30, 120, 480, 1920, 7680, 30720, 43200]);
    const hours = delays.reduce((a, b) => a + b, 0) / 3600;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(28);
  });

  it("when jitter applies, then a delay stays within ±20 %", () => {
    expect(retryDelaySeconds(2, 30, () => 0)).toBe(96);
    expect(retryDelaySeconds(2, 30, () => 1)).toBe(144);
  });

  it("when the base is 0 (test-sized policy), then retries are immediate", () => {
    expect(retryDelaySeconds(5, 0)).toBe(0);
  });
});
