/**
 * Checkout arithmetic, in integer cents only (never floats).
 * The same function prices the cart quote and the order, so the two never disagree.
 */
export interface PricingConfig {
  /** Basis points: 800 = 8 %. */
  taxRateBps: number;
  shippingFlatCents: number;
  /** Shipping is free when the subtotal reaches this. */
  freeShippingThresholdCents: number;
}

export interface PricedLine {
  unitPriceCents: number;
  quantity: number;
}

export interface Totals {
  subtotalCents: number;
  taxCents: number;
  shippingCents: number;
  totalCents: number;
}

/** subtotal × bps / 10 000, rounded half up, with integers only (no float rounding surprises). */
export function taxOf(subtotalCents: number, taxRateBps: number): number {
  return Math.floor((subtotalCents * taxRateBps + 5_000) / 10_000);
}

/** Flat shipping below the threshold, free from it on; nothing to ship (no lines) costs nothing. */
export function shippingOf(subtotalCents: number, lineCount: number, config: PricingConfig): number {
  if (lineCount === 0) return 0;
  return subtotalCents >= config.freeShippingThresholdCents ? 0 : config.shippingFlatCents;
}

export function priceLines(lines: readonly PricedLine[], config: PricingConfig): Totals {
  const subtotalCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const taxCents = taxOf(subtotalCents, config.taxRateBps);
  const shippingCents = shippingOf(subtotalCents, lines.length, config);
  return { subtotalCents, taxCents, shippingCents, totalCents: subtotalCents + taxCents + shippingCents };
}

/** Order amounts are stored in int4 columns. */
export const MAX_ORDER_TOTAL_CENTS = 2_147_483_647;
