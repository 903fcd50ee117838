import { useEffect, useReducer } from "react";
import type { QuoteLine } from "@shared/contracts/orders";

/**
 * The unit price this tab last showed the shopper for each variant (on the product page or in a quote).
 * The cart itself holds no prices (the server's quote is the truth); this only lets the cart say
 * "Price changed" when the quote differs from what the shopper saw, instead of changing it silently.
 * Keyed by variant, not product: two sizes of one product may have two prices, and both may be in the cart.
 */
const shownPrices = new Map<string, number>();

/**
 * The product page and cards call this when the shopper adds at the price on screen. `variantId` is the variant
 * priced (for a product with one variant, that one); a line whose quote names another variant is judged by the quote.
 */
export function rememberShownPrice(variantId: string, unitPriceCents: number): void {
  shownPrices.set(variantId, unitPriceCents);
}

export interface PriceChange {
  wasCents: number;
  nowCents: number;
}

/**
 * Lines whose price differs from the one shown earlier, keyed by variant id. Lines without a priced variant
 * (unknown product, a variant still to choose) have no price to compare.
 */
export function findPriceChanges(lines: readonly QuoteLine[] | undefined): Map<string, PriceChange> {
  const changes = new Map<string, PriceChange>();
  for (const line of lines ?? []) {
    if (line.variantId === null || line.unitPriceCents === null) continue;
    const was = shownPrices.get(line.variantId);
    if (was !== undefined && was !== line.unitPriceCents) changes.set(line.variantId, { wasCents: was, nowCents: line.unitPriceCents });
  }
  return changes;
}

/** Prices seen for the first time become the reference for later quotes. */
export function rememberQuotedPrices(lines: readonly QuoteLine[] | undefined): void {
  for (const line of lines ?? []) {
    if (line.variantId !== null && line.unitPriceCents !== null && !shownPrices.has(line.variantId)) shownPrices.set(line.variantId, line.unitPriceCents);
  }
}

/** The price changes of a quote's lines (by variant id), plus a way to accept a variant's new price (hides the note). */
export function usePriceChanges(lines: readonly QuoteLine[] | undefined): { changes: ReadonlyMap<string, PriceChange>; accept: (variantId: string) => void } {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const changes = findPriceChanges(lines);
  useEffect(() => rememberQuotedPrices(lines), [lines]);
  const accept = (variantId: string) => {
    const line = lines?.find((l) => l.variantId === variantId);
    if (line?.unitPriceCents != null) shownPrices.set(variantId, line.unitPriceCents);
    rerender();
  };
  return { changes, accept };
}
