import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type ReactNode } from "react";
import { useForm, type Path } from "react-hook-form";
import { Link, useLocation } from "wouter";
import type { z } from "zod";
import { orderCreateFields, shippingAddress, TEST_CARD_DECLINE, TEST_CARD_SUCCESS, type OrderCreate, type Quote } from "@shared/contracts/orders";
import { Button } from "@client/components/ui/button";
import { ErrorState } from "@client/components/ui/error-state";
import { Skeleton, Spinner } from "@client/components/ui/skeleton";
import { SelectField } from "@client/components/ui/select";
import { TextField } from "@client/components/ui/text-field";
import { isApiError } from "@client/lib/api";
import { applyServerError } from "@client/lib/form-errors";
import { formatMoney } from "@client/lib/format";
import { useMe } from "@client/features/auth/api/auth";
import { cartKeys, useQuote } from "@client/features/cart/api/quote";
import { cartStore, useCartLines } from "@client/features/cart/cart-store";
import { EmptyCart } from "@client/features/cart/components/empty-cart";
import { TotalsSummary } from "@client/features/cart/components/totals-summary";
import { usePriceChanges } from "@client/features/cart/price-memory";
import { describeOptionValues } from "@shared/variant-values";
import { usePlaceOrder } from "../api/orders";
import { checkoutAttempt } from "../checkout-attempt";
import { countryOptions } from "../countries";
import { SavedAddressPicker } from "./saved-address-picker";

/**
 * The form's part of the order body: the shared contract's own schemas, so the server and the form agree. The
 * address is always typed in (a saved one fills the fields); a guest also gives an e-mail address (issue 11).
 */
const checkoutForm = orderCreateFields.pick({ payment: true, email: true }).extend({ shippingAddress });
const guestCheckoutForm = checkoutForm.extend({ email: orderCreateFields.shape.email.unwrap() });
type CheckoutFormInput = z.input<typeof checkoutForm>;
type CheckoutFormValues = z.output<typeof checkoutForm>;

const FORM_FIELDS: readonly Path<CheckoutFormInput>[] = [
  "email",
  "shippingAddress.name",
  "shippingAddress.line1",
  "shippingAddress.line2",
  "shippingAddress.city",
  "shippingAddress.postalCode",
  "shippingAddress.country",
  "shippingAddress.phone",
  "payment.cardNumber",
  "payment.expiry",
  "payment.cvc",
];

const spaced = (card: string) => card.replace(/(\d{4})(?=\d)/g, "$1 ");
export const DECLINED_MESSAGE = "Your card was declined. No money was taken. Try another card.";

interface Outcome {
  message: string;
  /** Offer the way back to the cart (stock ran out, a line became unorderable). */
  toCart?: boolean;
  /** Shown beside the card field rather than above the button. */
  aboutCard?: boolean;
}

/** What a failed "Place order" means for the shopper, and whether the attempt (its Idempotency-Key) is over. */
function outcomeOf(error: unknown): Outcome & { attemptOver: boolean } {
  if (!isApiError(error)) return { message: "Something went wrong. Please try again.", attemptOver: false };
  switch (error.code) {
    case "payment_declined":
      // The declined order is final (cancelled): the next try is a new order, so it needs a new key.
      return { message: DECLINED_MESSAGE, aboutCard: true, attemptOver: true };
    case "out_of_stock":
      return {
        message: "Some items sold out while you were checking out. Nothing was charged. Review your cart: it shows what's left.",
        toCart: true,
        attemptOver: false,
      };
    case "idempotency_in_progress":
      return { message: "We're still placing this order. Wait a moment, then press Place order again: you won't be charged twice.", attemptOver: false };
    case "idempotency_key_reused":
      return { message: "Your order details changed while it was being placed. Please press Place order again.", attemptOver: true };
    case "validation_failed":
      return { message: "Some items in your cart can't be ordered any more. Review your cart and try again.", toCart: true, attemptOver: false };
    case "network_error":
      // The order may or may not have been placed: the same key makes a retry safe.
      return { message: "We couldn't reach the shop to confirm your order. Press Place order again: you won't be charged twice.", attemptOver: false };
    default:
      return {
        message: error.status >= 500 ? "Something went wrong on our side. Press Place order again: you won't be charged twice." : error.message,
        attemptOver: false,
      };
  }
}

function Alert({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div role="alert" data-testid={testId} className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-900">
      {children}
    </div>
  );
}

function OrderSummary({ quote, updating }: { quote: Quote; updating: boolean }) {
  const { changes, accept } = usePriceChanges(quote.lines);
  const changed = quote.lines.filter((line) => line.variantId !== null && changes.has(line.variantId));
  return (
    <section aria-labelledby="checkout-summary-title" className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm lg:sticky lg:top-36">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="checkout-summary-title" className="text-lg font-semibold text-stone-900">
          Order summary
        </h2>
        <Link href="/cart" className="rounded text-sm font-semibold text-brand-800 hover:underline">
          Edit cart
        </Link>
      </div>
      <ul aria-busy={updating || undefined} className={`mt-4 divide-y divide-stone-100 text-sm ${updating ? "opacity-60" : ""}`}>
        {quote.lines.map((line) => (
          <li key={`${line.productId}/${line.variantId ?? ""}`} className="flex justify-between gap-4 py-2.5" data-testid="summary-line">
            <span className="min-w-0 text-stone-800">
              <span className="font-medium">{line.name ?? "Unavailable product"}</span> <span className="text-stone-600">× {line.quantity}</span>
              {Object.keys(line.optionValues).length > 0 && <span className="block text-xs text-stone-600">{describeOptionValues(line.optionValues)}</span>}
              {line.problem && <span className="block text-xs font-medium text-red-800">Can't be ordered as it is</span>}
            </span>
            <span className="shrink-0 tabular-nums text-stone-900">{line.problem ? "—" : formatMoney(line.lineTotalCents, quote.currency)}</span>
          </li>
        ))}
      </ul>
      {changed.length > 0 && (
        <div className="mt-3 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-950" data-testid="price-change">
          <p>
            <span className="font-semibold">Prices changed</span> since you added{" "}
            {changed.map((line, i) => (
              <span key={line.variantId}>
                {i > 0 && ", "}
                {line.name}
                {Object.keys(line.optionValues).length > 0 && `, ${describeOptionValues(line.optionValues)}`} (now{" "}
                {formatMoney(line.unitPriceCents ?? 0, quote.currency)})
              </span>
            ))}
            . The total below is what you'll pay.
          </p>
          <Button size="sm" variant="secondary" className="mt-2" onClick={() => changed.forEach((line) => accept(line.variantId!))}>
            OK
          </Button>
        </div>
      )}
      <TotalsSummary totals={quote} className="mt-4 border-t border-stone-200 pt-4" />
    </section>
  );
}

function CheckoutForm({ quote, quoteUpdating }: { quote: Quote; quoteUpdating: boolean }) {
  const lines = useCartLines();
  const me = useMe();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const placeOrder = usePlaceOrder();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // handleSubmit is async: a second click in the same moment must not send a second request.
  const submitting = useRef(false);

  const guest = !me.data;
  // Built once per form: about 250 names from Intl.DisplayNames, in the browser's language.
  const [countries] = useState(() => countryOptions(navigator.language));
  const form = useForm<CheckoutFormInput, unknown, CheckoutFormValues>({
    resolver: zodResolver(guest ? guestCheckoutForm : checkoutForm),
    defaultValues: {
      shippingAddress: { name: me.data?.name ?? "", line1: "", line2: "", city: "", postalCode: "", country: "US" },
      payment: { method: "test_card", cardNumber: "", expiry: "", cvc: "" },
      email: guest ? "" : undefined,
    },
  });
  const { errors } = form.formState;
  const pending = placeOrder.isPending;
  const canPlace = quote.orderable && !quoteUpdating && !pending;

  const onSubmit = form.handleSubmit(async (values) => {
    if (submitting.current || !canPlace) return;
    submitting.current = true;
    setOutcome(null);
    const body: OrderCreate = {
      items: lines.map(({ productId, quantity }) => ({ productId, quantity })),
      shippingAddress: values.shippingAddress,
      payment: values.payment,
      ...(guest ? { email: values.email } : {}),
    };
    try {
      const order = await placeOrder.mutateAsync({ body, idempotencyKey: checkoutAttempt.keyFor(body) });
      checkoutAttempt.finish();
      // A guest has no order history: the token in the link is their way back (also in the confirmation mail).
      navigate(order.guestAccessToken ? `/orders/${order.id}?placed=1&access=${encodeURIComponent(order.guestAccessToken)}` : `/orders/${order.id}?placed=1`);
      cartStore.clear();
    } catch (error) {
      const result = outcomeOf(error);
      if (result.attemptOver) checkoutAttempt.finish();
      if (isApiError(error) && (error.code === "out_of_stock" || error.code === "validation_failed"))
        void queryClient.invalidateQueries({ queryKey: cartKeys.all });
      const onField = isApiError(error) && error.code === "validation_failed" && applyServerError(error, form.setError, { fields: FORM_FIELDS });
      if (!onField) setOutcome({ message: result.message, toCart: result.toCart, aboutCard: result.aboutCard });
      if (isApiError(error) && error.code === "payment_declined") form.setFocus("payment.cardNumber");
    } finally {
      submitting.current = false;
    }
  });

  return (
    // scroll-mt: focusing a field with an error must not hide it under the sticky header.
    <form onSubmit={onSubmit} noValidate aria-label="Checkout" className="space-y-6 [&_input]:scroll-mt-40">
      {guest && (
        <fieldset className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
          <legend className="float-left mb-4 w-full text-lg font-semibold text-stone-900">Checking out as a guest</legend>
          <div className="clear-both space-y-3">
            <TextField
              label="Email"
              type="email"
              autoComplete="email"
              inputMode="email"
              autoCapitalize="none"
              hint="Your confirmation and the link to your order go here."
              error={errors.email?.message}
              {...form.register("email")}
            />
            <p className="text-sm text-stone-600">
              Have an account?{" "}
              <Link href={`/login?next=${encodeURIComponent("/checkout")}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                Sign in
              </Link>
            </p>
          </div>
        </fieldset>
      )}
      <fieldset className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
        <legend className="float-left mb-4 w-full text-lg font-semibold text-stone-900">Shipping address</legend>
        {!guest && <SavedAddressPicker onPick={(address) => form.reset({ ...form.getValues(), shippingAddress: address })} />}
        <div className="grid clear-both gap-4 sm:grid-cols-2">
          <TextField
            label="Full name"
            autoComplete="name"
            className="sm:col-span-2"
            error={errors.shippingAddress?.name?.message}
            {...form.register("shippingAddress.name")}
          />
          <TextField
            label="Address"
            autoComplete="address-line1"
            className="sm:col-span-2"
            error={errors.shippingAddress?.line1?.message}
            {...form.register("shippingAddress.line1")}
          />
          <TextField
            label="Apartment, suite, etc. (optional)"
            autoComplete="address-line2"
            className="sm:col-span-2"
            error={errors.shippingAddress?.line2?.message}
            {...form.register("shippingAddress.line2", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })}
          />
          <TextField label="City" autoComplete="address-level2" error={errors.shippingAddress?.city?.message} {...form.register("shippingAddress.city")} />
          <TextField
            label="Postal code"
            autoComplete="postal-code"
            error={errors.shippingAddress?.postalCode?.message}
            {...form.register("shippingAddress.postalCode")}
          />
          <SelectField
            label="Country"
            autoComplete="country"
            options={countries}
            error={errors.shippingAddress?.country?.message}
            {...form.register("shippingAddress.country")}
          />
          <TextField
            label="Phone (optional)"
            hint="Only for the carrier, if they need to reach you."
            type="tel"
            autoComplete="tel"
            error={errors.shippingAddress?.phone?.message}
            {...form.register("shippingAddress.phone", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })}
          />
        </div>
      </fieldset>

      <fieldset className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
        <legend className="float-left mb-4 w-full text-lg font-semibold text-stone-900">Payment</legend>
        <div className="clear-both space-y-4">
          <TextField
            label="Card number"
            autoComplete="cc-number"
            inputMode="numeric"
            placeholder="1234 5678 9012 3456"
            hint={
              <>
                This shop takes test cards only: <span className="font-mono font-semibold text-stone-800">{spaced(TEST_CARD_SUCCESS)}</span> is accepted,{" "}
                <span className="font-mono font-semibold text-stone-800">{spaced(TEST_CARD_DECLINE)}</span> is declined.
              </>
            }
            error={errors.payment?.cardNumber?.message}
            {...form.register("payment.cardNumber", { setValueAs: (v: string) => v.replace(/[\s-]/g, "") })}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Expiry (MM/YY)"
              autoComplete="cc-exp"
              inputMode="numeric"
              placeholder="MM/YY"
              maxLength={5}
              error={errors.payment?.expiry?.message}
              {...form.register("payment.expiry", { setValueAs: (v: string) => v.replace(/\s/g, "") })}
            />
            <TextField
              label="Security code (CVC)"
              autoComplete="cc-csc"
              inputMode="numeric"
              maxLength={4}
              hint="3 or 4 digits on the back of the card; never stored"
              error={errors.payment?.cvc?.message}
              {...form.register("payment.cvc")}
            />
          </div>
          {outcome?.aboutCard && (
            <Alert testId="checkout-error">
              <p>{outcome.message}</p>
            </Alert>
          )}
        </div>
      </fieldset>

      {((outcome && !outcome.aboutCard) || errors.root?.server) && (
        <Alert testId="checkout-error">
          <p>{outcome?.message ?? errors.root?.server?.message}</p>
          {outcome?.toCart && (
            <Link href="/cart" className="mt-2 inline-block font-semibold text-red-950 underline underline-offset-2">
              Review your cart
            </Link>
          )}
        </Alert>
      )}
      {!quote.orderable && (
        <Alert>
          <p>Some items in your cart can't be ordered as they are.</p>
          <Link href="/cart" className="mt-2 inline-block font-semibold text-red-950 underline underline-offset-2">
            Review your cart
          </Link>
        </Alert>
      )}

      <Button type="submit" size="lg" disabled={!canPlace} className="w-full">
        {pending && <Spinner label="Placing your order" />}
        {pending ? "Placing your order…" : `Place order · ${formatMoney(quote.totalCents, quote.currency)}`}
      </Button>
      <p className="text-center text-xs text-stone-600">You'll be charged once, even if you press the button twice.</p>
    </form>
  );
}

/** /checkout: shipping and payment, the order summary from the server's quote, and "Place order". */
export function CheckoutView() {
  const lines = useCartLines();
  const quote = useQuote(lines);
  // Who is signed in decides the form (guest or account): wait for it rather than switching forms mid-typing.
  const me = useMe();

  if (lines.length === 0) {
    return <EmptyCart description="Add something to your cart first, then come back to check out." />;
  }
  if (quote.isError && !quote.data) {
    return <ErrorState error={quote.error} title="We couldn't price your cart" onRetry={() => void quote.refetch()} retrying={quote.isRefetching} />;
  }
  if (!quote.data || me.isPending) {
    return (
      <div aria-busy="true" className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <p role="status" className="sr-only">
          Loading checkout
        </p>
        <Skeleton className="h-96 w-full rounded-2xl" />
        <Skeleton className="h-72 w-full rounded-2xl" />
      </div>
    );
  }
  const updating = quote.isPlaceholderData;
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_24rem] lg:items-start">
      <CheckoutForm quote={quote.data} quoteUpdating={updating} />
      <div className="max-lg:order-first">
        <OrderSummary quote={quote.data} updating={updating} />
      </div>
    </div>
  );
}
