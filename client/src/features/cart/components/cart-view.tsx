import { Link } from "wouter";
import type { Quote, QuoteLine } from "@shared/contracts/orders";
import { Button, buttonClasses } from "@client/components/ui/button";
import { ErrorState } from "@client/components/ui/error-state";
import { Skeleton, Spinner } from "@client/components/ui/skeleton";
import { formatMoney, pluralize } from "@client/lib/format";
import { ProductImage } from "@client/components/ui/product-image";
import { useMe } from "@client/features/auth/api/auth";
import { useQuote } from "../api/quote";
import { MAX_QUANTITY_PER_LINE } from "@shared/cart-limits";
import { cartStore, useCartLines, type CartLine } from "../cart-store";
import { usePriceChanges, type PriceChange } from "../price-memory";
import { lineProblem } from "../quote-problems";
import { describeOptionValues } from "@shared/variant-values";
import { EmptyCart } from "./empty-cart";
import { QuantityStepper } from "./quantity-stepper";
import { TotalsSummary } from "./totals-summary";

function LineSkeleton() {
  return (
    <li aria-hidden="true" className="flex gap-4 py-5">
      <Skeleton className="size-20 shrink-0 rounded-xl sm:size-24" />
      <div className="flex-1 space-y-3">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-4 w-1/4" />
        <Skeleton className="h-8 w-32" />
      </div>
    </li>
  );
}

interface CartLineRowProps {
  cartLine: CartLine;
  quoteLine: QuoteLine;
  currency: string;
  priceChange?: PriceChange;
  onAcceptPrice: () => void;
}

function CartLineRow({ cartLine, quoteLine, currency, priceChange, onAcceptPrice }: CartLineRowProps) {
  const name = quoteLine.name ?? "A product that is no longer available";
  const problem = lineProblem(quoteLine);
  const purchasable = quoteLine.problem === null || quoteLine.problem === "insufficient_stock";
  const max = Math.min(MAX_QUANTITY_PER_LINE, Math.max(quoteLine.available, 1));
  const href = quoteLine.slug ? `/products/${quoteLine.slug}` : undefined;
  const remove = () => cartStore.remove(cartLine.productId, cartLine.variantId);
  const options = describeOptionValues(quoteLine.optionValues);

  return (
    <li data-testid="cart-line" data-product-id={cartLine.productId} className="flex gap-4 py-5">
      <div className="size-20 shrink-0 overflow-hidden rounded-xl border border-stone-200 bg-white sm:size-24">
        {/* Decorative: the name next to it is the link and says what it is. */}
        <ProductImage src={quoteLine.imageUrl ?? ""} alt="" size={96} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
          <div className="min-w-0">
            <h3 className="font-semibold leading-snug text-stone-900">
              {href ? (
                <Link href={href} className="hover:text-brand-800 hover:underline">
                  {name}
                </Link>
              ) : (
                name
              )}
            </h3>
            {options && (
              <p data-testid="line-options" className="text-sm text-stone-600">
                {options}
              </p>
            )}
            {quoteLine.unitPriceCents !== null && (
              <p className="mt-0.5 text-sm text-stone-600">
                <span className="sr-only">Unit price: </span>
                {formatMoney(quoteLine.unitPriceCents, currency)} each
              </p>
            )}
          </div>
          <p className="text-right font-semibold tabular-nums text-stone-900" data-testid="line-total">
            <span className="sr-only">Line total: </span>
            {quoteLine.problem === null ? (
              formatMoney(quoteLine.lineTotalCents, currency)
            ) : (
              <span className="text-sm font-medium text-stone-500">Not included</span>
            )}
          </p>
        </div>

        {problem && (
          <div
            data-testid="line-problem"
            className={`rounded-lg px-3 py-2 text-sm ${problem.tone === "warning" ? "bg-amber-50 text-amber-950" : "bg-red-50 text-red-900"}`}
          >
            <p>
              <span className="font-semibold">{problem.title}.</span> {problem.detail}
            </p>
            {quoteLine.problem === "insufficient_stock" && quoteLine.available > 0 && (
              <Button
                size="sm"
                variant="secondary"
                className="mt-2"
                onClick={() => cartStore.setQuantity(cartLine.productId, quoteLine.available, cartLine.variantId)}
              >
                Use {quoteLine.available}
              </Button>
            )}
          </div>
        )}
        {priceChange && (
          <div data-testid="price-change" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-950">
            <p>
              <span className="font-semibold">Price changed.</span> It was {formatMoney(priceChange.wasCents, currency)} and is now{" "}
              {formatMoney(priceChange.nowCents, currency)} each.
            </p>
            <Button size="sm" variant="secondary" onClick={onAcceptPrice}>
              OK
            </Button>
          </div>
        )}

        <div className="mt-1 flex flex-wrap items-center gap-3">
          {purchasable && (
            <QuantityStepper
              size="sm"
              value={cartLine.quantity}
              max={max}
              onChange={(q) => cartStore.setQuantity(cartLine.productId, q, cartLine.variantId)}
              label={`Quantity of ${name}`}
            />
          )}
          <Button variant="ghost" size="sm" onClick={remove}>
            Remove<span className="sr-only"> {name}</span>
          </Button>
        </div>
      </div>
    </li>
  );
}

function SummaryPanel({ quote, updating, lineCount }: { quote: Quote; updating: boolean; lineCount: number }) {
  const signedIn = Boolean(useMe().data);
  const problems = quote.lines.filter((l) => l.problem !== null).length;
  return (
    <section aria-labelledby="cart-summary-title" className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm lg:sticky lg:top-36">
      <h2 id="cart-summary-title" className="text-lg font-semibold text-stone-900">
        Order summary
      </h2>
      <div aria-busy={updating || undefined} className={`mt-4 transition-opacity ${updating ? "opacity-60" : ""}`}>
        <TotalsSummary totals={quote} />
      </div>
      <p role="status" className="mt-3 min-h-5 text-sm text-stone-600">
        {updating ? (
          <span className="inline-flex items-center gap-2">
            <Spinner label="Updating prices" /> Updating prices…
          </span>
        ) : problems > 0 ? (
          `${pluralize(problems, "item")} ${problems === 1 ? "needs" : "need"} your attention before you can check out.`
        ) : (
          `Prices for ${pluralize(lineCount, "product")}, checked just now.`
        )}
      </p>
      {quote.orderable && !updating && !signedIn ? (
        // Issue 11: no account needed; signing in keeps the order in the account's history.
        <>
          <Link href={`/login?next=${encodeURIComponent("/checkout")}`} className={buttonClasses({ size: "lg", className: "mt-4 w-full" })}>
            Sign in to check out
          </Link>
          <Link href="/checkout" className={buttonClasses({ size: "lg", variant: "secondary", className: "mt-3 w-full" })}>
            Check out as guest
          </Link>
        </>
      ) : quote.orderable && !updating ? (
        <Link href="/checkout" className={buttonClasses({ size: "lg", className: "mt-4 w-full" })}>
          Checkout
        </Link>
      ) : (
        <Button size="lg" disabled className="mt-4 w-full">
          Checkout
        </Button>
      )}
      <Link href="/search" className="mt-3 block rounded text-center text-sm font-semibold text-brand-800 hover:underline">
        Continue shopping
      </Link>
    </section>
  );
}

/** The cart page: every line priced by the server's quote, its problems in plain words, and the totals. */
export function CartView() {
  const lines = useCartLines();
  const quote = useQuote(lines);
  const { changes, accept } = usePriceChanges(quote.data?.lines);

  if (lines.length === 0) {
    return <EmptyCart description="Find something fresh: browse the sectors or search the whole catalog." />;
  }
  if (quote.isError && !quote.data) {
    return (
      <div className="space-y-4">
        <ErrorState error={quote.error} title="We couldn't price your cart" onRetry={() => void quote.refetch()} retrying={quote.isRefetching} />
        <p className="text-center text-sm text-stone-600">
          Still failing?{" "}
          <button type="button" onClick={() => cartStore.clear()} className="font-semibold text-brand-800 underline">
            Empty the cart
          </button>{" "}
          and start again.
        </p>
      </div>
    );
  }

  // A line without a variant is priced as its product's only variant; a chosen variant must match its own line.
  const quoteLineOf = (line: CartLine) =>
    quote.data?.lines.find((l) => l.productId === line.productId && (line.variantId === undefined || l.variantId === line.variantId));
  const updating = quote.isPlaceholderData || (quote.isFetching && !quote.data);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem] lg:items-start">
      <section aria-labelledby="cart-items-title" className="rounded-2xl border border-stone-200 bg-white px-4 shadow-sm sm:px-6">
        <h2 id="cart-items-title" className="sr-only">
          Items
        </h2>
        <ul aria-busy={quote.isFetching || undefined} className="divide-y divide-stone-100">
          {lines.map((line) => {
            const quoteLine = quoteLineOf(line);
            const key = `${line.productId}/${line.variantId ?? ""}`;
            // A line just added or changed has no quote yet (the previous one stays on screen meanwhile).
            if (!quoteLine || !quote.data) return <LineSkeleton key={key} />;
            return (
              <CartLineRow
                key={key}
                cartLine={line}
                quoteLine={{ ...quoteLine, quantity: line.quantity }}
                currency={quote.data.currency}
                priceChange={quoteLine.variantId ? changes.get(quoteLine.variantId) : undefined}
                onAcceptPrice={() => quoteLine.variantId && accept(quoteLine.variantId)}
              />
            );
          })}
        </ul>
      </section>
      {quote.data ? (
        <SummaryPanel quote={quote.data} updating={updating} lineCount={lines.length} />
      ) : (
        <div aria-hidden="true" className="space-y-3 rounded-2xl border border-stone-200 bg-white p-6">
          <Skeleton className="h-6 w-1/2" />
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-12 w-full" />
        </div>
      )}
      {quote.isFetching && !quote.data && (
        <p role="status" className="sr-only">
          Pricing your cart
        </p>
      )}
    </div>
  );
}
