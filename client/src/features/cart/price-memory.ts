import { useEffect, useReducer } from "react";
import type { QuoteLine } from "@shared/contracts/orders";

/**
 * The unit price this tab last showed the shopper for each product (on the product page or in a quote).
 * The cart itself holds no prices (the server's quote is the truth); this only lets the cart say
 * "Price changed" when the quote differs from what the shopper saw, instead of changing it silently.
 */
const shownPrices = new Map<string, number>();

/** The product page calls this when the shopper adds at the price on screen. */
export function rememberShownPrice(productId: string, unitPriceCents: number): void {
  shownPrices.set(productId, unitPriceCents);
}

export interface PriceChange {
  wasCents: number;
  nowCents: number;
}

/** Lines whose price differs from the one shown earlier, plus a way to accept the new price (hides the note). */
export function usePriceChanges(lines: readonly QuoteLine[] | undefined): { changes: ReadonlyMap<string, PriceChange>; accept: (productId: string) => void } {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const changes = new Map<string, PriceChange>();
  for (const line of lines ?? []) {
    const was = shownPrices.get(line.productId);
    if (line.unitPriceCents !== null && was !== undefined && was !== line.unitPriceCents) {
      changes.set(line.productId, { wasCents: was, nowCents: line.unitPriceCents });
    }
  }
  // Prices seen for the first time become the reference for later quotes.
  useEffect(() => {
    for (const line of lines ?? []) {
      if (line.unitPriceCents !== null && !shownPrices.has(line.productId)) shownPrices.set(line.productId, line.unitPriceCents);
    }
  }, [lines]);
  const accept = (productId: string) => {
    const line = lines?.find((l) => l.productId === productId);
    if (line?.unitPriceCents != null) shownPrices.set(productId, line.unitPriceCents);
    rerender();
  };
  return { changes, accept };
}
