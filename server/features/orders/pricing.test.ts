import { describe, expect, it } from "vitest";
import { priceLines, shippingOf, taxOf } from "./pricing";

const config = { taxRateBps: 800, shippingFlatCents: 599, freeShippingThresholdCents: 5_000 };

describe("checkout pricing", () => {
  it("when tax lands on half a cent, then it rounds half up; below half it rounds down", () => {
    expect(taxOf(1_000, 825)).toBe(83); // 82.5 → 83
    expect(taxOf(1_001, 800)).toBe(80); // 80.08 → 80
    expect(taxOf(1_006, 800)).toBe(80); // 80.48 → 80
    expect(taxOf(1_007, 800)).toBe(81); // 80.56 → 81
    expect(taxOf(0, 800)).toBe(0);
  });

  it("when the subtotal reaches the threshold, then shipping is free; one cent below, it is the flat rate", () => {
    expect(shippingOf(5_000, 1, config)).toBe(0);
    expect(shippingOf(4_999, 1, config)).toBe(599);
    expect(shippingOf(0, 0, config)).toBe(0);
  });

  it("when lines are priced, then the totals add up in integer cents", () => {
    expect(
      priceLines(
        [
          { unitPriceCents: 1_999, quantity: 2 },
          { unitPriceCents: 350, quantity: 1 },
        ],
        config,
      ),
    ).toEqual({
      subtotalCents: 4_348,
      taxCents: 348, // 347.84
      shippingCents: 599,
      totalCents: 5_295,
    });
    expect(priceLines([{ unitPriceCents: 2_500, quantity: 2 }], config)).toEqual({ subtotalCents: 5_000, taxCents: 400, shippingCents: 0, totalCents: 5_400 });
  });
});
