import { describe, expect, it } from "vitest";
import { priceRangeLabel, selectedBucket } from "./product-facets";

describe("price facet buckets as URL filters", () => {
  it("when no price filter is applied, then 'Any price' is the selected range", () => {
    expect(selectedBucket(undefined, undefined)).toBe("any");
  });

  it("when the applied range is a bucket, then that bucket is selected (the lowest without a minimum, the top without a maximum)", () => {
    expect(selectedBucket(undefined, 999)).toEqual({ minCents: 0, maxCents: 999 });
    expect(selectedBucket(1000, 2499)).toEqual({ minCents: 1000, maxCents: 2499 });
    expect(selectedBucket(25000, undefined)).toEqual({ minCents: 25000, maxCents: undefined });
  });

  it("when the applied range was typed by hand, then no bucket is selected", () => {
    expect(selectedBucket(1000, 2000)).toBeUndefined();
    expect(selectedBucket(500, undefined)).toBeUndefined();
  });

  it("when buckets are labelled, then the bounds read as money", () => {
    expect(priceRangeLabel({ minCents: 0, maxCents: 999 })).toBe("Up to $9.99");
    expect(priceRangeLabel({ minCents: 1000, maxCents: 2499 })).toBe("$10.00 to $24.99");
    expect(priceRangeLabel({ minCents: 25000 })).toBe("$250.00 and up");
  });
});
