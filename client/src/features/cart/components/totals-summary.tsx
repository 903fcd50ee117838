import { formatMoney } from "@client/lib/format";

export interface TotalsFigures {
  subtotalCents: number;
  taxCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
}

/** Subtotal, tax, shipping and total as a description list: the quote's or the order's own figures, never client sums. */
export function TotalsSummary({ totals, className = "" }: { totals: TotalsFigures; className?: string }) {
  const money = (cents: number) => formatMoney(cents, totals.currency);
  return (
    <dl data-testid="totals" className={`space-y-2 text-sm ${className}`}>
      <div className="flex justify-between gap-4">
        <dt className="text-stone-600">Subtotal</dt>
        <dd className="tabular-nums text-stone-900" data-testid="subtotal">
          {money(totals.subtotalCents)}
        </dd>
      </div>
      <div className="flex justify-between gap-4">
        <dt className="text-stone-600">Tax</dt>
        <dd className="tabular-nums text-stone-900">{money(totals.taxCents)}</dd>
      </div>
      <div className="flex justify-between gap-4">
        <dt className="text-stone-600">Shipping</dt>
        <dd className={`tabular-nums ${totals.shippingCents === 0 ? "font-semibold text-brand-800" : "text-stone-900"}`}>
          {totals.shippingCents === 0 ? "Free" : money(totals.shippingCents)}
        </dd>
      </div>
      <div className="flex justify-between gap-4 border-t border-stone-200 pt-3 text-base font-semibold">
        <dt className="text-stone-900">Total</dt>
        <dd className="tabular-nums text-stone-900" data-testid="total" data-cents={totals.totalCents}>
          {money(totals.totalCents)}
        </dd>
      </div>
    </dl>
  );
}
