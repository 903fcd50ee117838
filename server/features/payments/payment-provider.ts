/**
 * The seam between checkout and whoever moves the money. A provider answers a charge with
 * "succeeded" or "declined" (a normal business answer); it THROWS when it cannot answer at all
 * (network error, outage, bug) — the payments service turns throws and timeouts into "unavailable".
 *
 * Card numbers are passed through and never stored or logged: references carry no card data.
 */
export interface ChargeRequest {
  /** Our order id: a real provider would take it as its idempotency key, so a retried charge never bills twice. */
  orderId: string;
  amountCents: number;
  currency: string;
  cardNumber: string;
  /** Aborted when the caller gives up (timeout): the provider should stop work. */
  signal: AbortSignal;
}

export type ChargeResult = { status: "succeeded"; reference: string } | { status: "declined"; reference: string; reason: string };

export interface RefundRequest {
  orderId: string;
  /** The reference of the succeeded charge being refunded. */
  chargeReference: string;
  amountCents: number;
  currency: string;
  signal: AbortSignal;
}

export interface RefundResult {
  reference: string;
}

/** What the provider knows of an order's charge: its result, still under way, or never received. */
export type ChargeLookup = ChargeResult | { status: "processing" } | { status: "not_found" };

export interface PaymentProvider {
  /** Stored in transactions.provider. */
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** The charge made for this order (charges are keyed by order id), for reconciling orders a crash left pending. */
  lookup(orderId: string, signal: AbortSignal): Promise<ChargeLookup>;
}
