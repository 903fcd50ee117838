import { PartyPopper } from "lucide-react";
import { useRef, useState, type RefObject } from "react";
import type { Order } from "@shared/contracts/orders";
import { Breadcrumbs } from "@client/components/ui/breadcrumbs";
import { Button } from "@client/components/ui/button";
import { ConfirmDialog } from "@client/components/ui/confirm-dialog";
import { NotFoundState } from "@client/components/ui/not-found-state";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { useToast } from "@client/components/ui/toast";
import { isApiError } from "@client/lib/api";
import { formatDate } from "@client/lib/dates";
import { formatMoney, pluralize } from "@client/lib/format";
import { TotalsSummary } from "@client/features/cart/components/totals-summary";
import { useCancelOrder, useOrder } from "../api/orders";
import { explainStatus, isCancellableByOwner, itemCount } from "../order-status";
import { OrderStatusBadge } from "./order-status-badge";
import { OrderItemsTable, OrderTimeline, Panel, ShippingAddressBlock } from "./order-parts";
import { OrderThread } from "@client/features/inbox/components/order-thread";

/** The server's refusal in words for this screen (409 invalid_transition: it moved on meanwhile). */
export function cancelErrorMessage(error: unknown): string {
  if (isApiError(error) && error.code === "invalid_transition")
    return "This order can't be cancelled any more: its status has changed. The page now shows where it is.";
  return error instanceof Error ? error.message : "The order could not be cancelled.";
}

export function cancelDescription(order: Order, who: "you" | "staff"): string {
  if (order.status === "paid") {
    const refund = formatMoney(order.totalCents, order.currency);
    return who === "you"
      ? `We'll refund ${refund} to your card and put the items back in stock. This can't be undone.`
      : `The customer gets a full refund of ${refund} and the items go back into stock. This can't be undone.`;
  }
  return who === "you"
    ? "Nothing has been charged, so there is nothing to refund. This can't be undone."
    : "Nothing was charged, so there is no refund. This can't be undone.";
}

function ThankYou({ order, onDismiss }: { order: Order; onDismiss: () => void }) {
  return (
    <div role="status" data-testid="thank-you" className="mb-8 flex items-start gap-4 rounded-2xl border border-brand-200 bg-brand-50 p-5 sm:p-6">
      <PartyPopper aria-hidden="true" className="size-8 shrink-0 text-brand-700" strokeWidth={1.5} />
      <div>
        <p className="text-lg font-semibold text-brand-900">Thank you! Your order is placed.</p>
        <p className="mt-1 text-sm text-brand-900">
          {order.status === "paid" ? `We've received your payment of ${formatMoney(order.totalCents, order.currency)}` : "We've received your order"} and will
          let you know here as it moves along.
        </p>
      </div>
      <Button variant="secondary" size="sm" className="ml-auto shrink-0" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}

function CancelOrder({ order, fallbackFocusRef }: { order: Order; fallbackFocusRef: RefObject<HTMLHeadingElement | null> }) {
  const cancel = useCancelOrder();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    try {
      const updated = await cancel.mutateAsync(order.id);
      setOpen(false);
      toast({
        title: `Order ${updated.number} cancelled`,
        description: order.status === "paid" ? `A refund of ${formatMoney(updated.totalCents, updated.currency)} is on its way to your card.` : undefined,
        tone: "success",
      });
    } catch (err) {
      setError(cancelErrorMessage(err));
    }
  }

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setError(undefined);
          setOpen(true);
        }}
      >
        Cancel order
      </Button>
      {open && (
        <ConfirmDialog
          open
          onOpenChange={(next) => !next && setOpen(false)}
          title={`Cancel order ${order.number}?`}
          description={cancelDescription(order, "you")}
          confirmLabel={order.status === "paid" ? "Cancel and refund" : "Cancel order"}
          cancelLabel="Keep order"
          tone="danger"
          pending={cancel.isPending}
          error={error}
          onConfirm={() => void confirm()}
          // The Cancel button is gone once the order is cancelled: focus lands on the heading instead.
          fallbackFocusRef={fallbackFocusRef}
        />
      )}
    </>
  );
}

export function OrderDetailSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <p role="status" className="sr-only">
        Loading order
      </p>
      <Skeleton className="h-5 w-48" />
      <Skeleton className="h-10 w-72" />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Skeleton className="h-72 w-full rounded-2xl" />
        <Skeleton className="h-72 w-full rounded-2xl" />
      </div>
    </div>
  );
}

/** /orders/:id for the shopper: items, totals, where it goes, what happened so far, and Cancel while it is allowed. */
export function OrderDetail({
  orderId,
  justPlaced,
  onDismissThanks,
  access,
}: {
  orderId: string;
  justPlaced: boolean;
  onDismissThanks: () => void;
  access?: string;
}) {
  const query = useOrder(orderId, access);
  const guest = access !== undefined;
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (query.isPending) return <OrderDetailSkeleton />;
  if (query.isError && !query.data) {
    // Someone else's order answers 404 too (the API never confirms it exists): same screen, nothing leaks. A malformed id (400) is not an order either.
    if (isApiError(query.error) && (query.error.isNotFound || query.error.status === 400)) {
      return <NotFoundState title="Order not found" message="We couldn't find this order in your account. Check the link, or look in your order history." />;
    }
    return <QueryErrorState error={query.error} title="We couldn't load this order" onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  }

  const order = query.data;
  return (
    <article>
      <title>{`Order ${order.number} · FruitfulPlanet`}</title>
      <Breadcrumbs
        items={
          guest
            ? [{ label: "Home", href: "/" }, { label: order.number }]
            : [{ label: "Home", href: "/" }, { label: "Your orders", href: "/orders" }, { label: order.number }]
        }
      />
      {justPlaced && <ThankYou order={order} onDismiss={onDismissThanks} />}
      <div className="mb-8 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold tracking-tight text-stone-900 focus:outline-none">
            Order {order.number}
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            Placed on <time dateTime={order.createdAt}>{formatDate(order.createdAt)}</time> · {pluralize(itemCount(order), "item")}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <OrderStatusBadge status={order.status} size="md" />
            <p className="text-sm text-stone-700" data-testid="status-explanation">
              {explainStatus(order)}
            </p>
          </div>
        </div>
        {!guest && isCancellableByOwner(order.status) && <CancelOrder order={order} fallbackFocusRef={headingRef} />}
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start">
        {/* min-w-0: a wide table scrolls inside its frame instead of widening the page on phones. */}
        <div className="min-w-0 space-y-6">
          <Panel title="Items" id="order-items-title">
            <OrderItemsTable order={order} />
            <TotalsSummary totals={order} className="ml-auto mt-5 max-w-sm" />
          </Panel>
          <Panel title="Messages" id="order-messages-title">
            <OrderThread orderId={order.id} side="customer" access={access} />
          </Panel>
        </div>
        <div className="min-w-0 space-y-6">
          <Panel title="Shipping to" id="order-address-title">
            <ShippingAddressBlock address={order.shippingAddress} />
          </Panel>
          <Panel title="Status history" id="order-history-title">
            <OrderTimeline order={order} viewer="owner" />
          </Panel>
        </div>
      </div>
    </article>
  );
}
