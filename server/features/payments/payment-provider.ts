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

export interface PaymentProvider {
  /** Stored in transactions.provider. */
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}
