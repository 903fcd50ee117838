import { describe, expect, it } from "vitest";
import { MAX_RETRY_DELAY_SECONDS, retryDelaySeconds } from "./retry-delay";

describe("retryDelaySeconds", () => {
  it("when attempts fail one after another, then every delay is longer than any delay before it", () => {
    for (let attempt = 1; attempt < 10; attempt++) {
      const longestNow = retryDelaySeconds(attempt, 2, () => 0.999999);
      const shortestNext = retryDelaySeconds(attempt + 1, 2, () => 0);
      expect(shortestNext).toBeGreaterThanOrEqual(longestNow);
    }
  });

  it("when the random part varies, then the delay stays between half and all of base·2^(n-1)", () => {
    expect(retryDelaySeconds(3, 10, () => 0)).toBe(20);
    expect(retryDelaySeconds(3, 10, () => 1)).toBe(40);
  });

  it("when many attempts failed, then the delay is capped", () => {
    expect(retryDelaySeconds(40, 60, () => 1)).toBe(MAX_RETRY_DELAY_SECONDS);
  });
});
