import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { QuoteLine } from "@shared/contracts/orders";
import { findPriceChanges, rememberQuotedPrices, rememberShownPrice } from "./price-memory";

const line = (productId: string, variantId: string | null, unitPriceCents: number | null, optionValues: Record<string, string> = {}): QuoteLine => ({
  productId,
  variantId,
  optionValues,
  slug: "a-tee",
  name: "A tee",
  imageUrl: null,
  quantity: 1,
  unitPriceCents,
  lineTotalCents: unitPriceCents ?? 0,
  available: 5,
  problem: unitPriceCents === null ? "variant_required" : null,
});

describe("price memory", () => {
  it("when two sizes of one product at different prices are in the cart, then neither reads as a price change", () => {
    const [tee, small, medium] = [randomUUID(), randomUUID(), randomUUID()];
    rememberShownPrice(small, 2000);
    rememberShownPrice(medium, 2450);
    expect(findPriceChanges([line(tee, small, 2000, { Size: "S" }), line(tee, medium, 2450, { Size: "M" })]).size).toBe(0);
  });

  it("when one size's price moves, then only that size's line has a change, with what was shown and what it is now", () => {
    const [tee, small, medium] = [randomUUID(), randomUUID(), randomUUID()];
    rememberShownPrice(small, 2000);
    rememberShownPrice(medium, 2450);
    const changes = findPriceChanges([line(tee, small, 2000), line(tee, medium, 2600)]);
    expect([...changes]).toEqual([[medium, { wasCents: 2450, nowCents: 2600 }]]);
  });

  it("when a quote shows a variant first, then its price is the reference for later quotes; lines without a priced variant are skipped", () => {
    const [tee, small] = [randomUUID(), randomUUID()];
    rememberQuotedPrices([line(tee, small, 2000), line(tee, null, null)]);
    expect(findPriceChanges([line(tee, small, 2000), line(tee, null, null)]).size).toBe(0);
    // A later quote does not overwrite the reference: the change is reported against the first price seen.
    rememberQuotedPrices([line(tee, small, 2100)]);
    expect(findPriceChanges([line(tee, small, 2100)]).get(small)).toEqual({ wasCents: 2000, nowCents: 2100 });
  });
});
