import { useRef, useState, type RefObject } from "react";
import { Link } from "wouter";
import { allowedTransitions, type Order, type OrderStatus } from "@shared/contracts/orders";
import { Button } from "@client/components/ui/button";
import { ConfirmDialog } from "@client/components/ui/confirm-dialog";
import { NotFoundState } from "@client/components/ui/not-found-state";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { Skeleton, Spinner } from "@client/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { useToast } from "@client/components/ui/toast";
import { isApiError } from "@client/lib/api";
import { formatDate, formatTime } from "@client/lib/dates";
import { formatMoney } from "@client/lib/format";
import { TotalsSummary } from "@client/features/cart/components/totals-summary";
import { useCancelOrder, useChangeOrderStatus, useOrder, useOrderTransactions } from "../api/orders";
import { statusActionLabels, statusLabels } from "../order-status";
import { cancelDescription } from "./order-detail";
import { OrderItemsTable, OrderTimeline, Panel, ShippingAddressBlock } from "./order-parts";
import { OrderThread } from "@client/features/inbox/components/order-thread";
import { OrderStatusBadge } from "./order-status-badge";

function transitionErrorMessage(error: unknown): string {
  if (isApiError(error) && error.code === "invalid_transition") return "Someone else changed this order meanwhile. The page now shows its current status.";
  return error instanceof Error ? error.message : "The status could not be changed.";
}

/** One button per status the shared state machine allows next; cancelling (a refund when paid) asks first. */
function StatusActions({ order, fallbackFocusRef }: { order: Order; fallbackFocusRef: RefObject<HTMLHeadingElement | null> }) {
  const change = useChangeOrderStatus();
  const cancel = useCancelOrder();
  const { toast } = useToast();
  const [confirming, setConfirming] = useState(false);
  const [cancelError, setCancelError] = useState<string>();
  const next = allowedTransitions[order.status];
  const busy = change.isPending || cancel.isPending;

  async function moveTo(status: OrderStatus) {
    try {
      const updated = await change.mutateAsync({ id: order.id, status });
      toast({ title: `${updated.number} is now ${statusLabels[updated.status].toLowerCase()}`, tone: "success" });
    } catch (error) {
      toast({ title: `${order.number} was not changed`, description: transitionErrorMessage(error), tone: "error" });
    }
  }

  async function confirmCancel() {
    try {
      const updated = await cancel.mutateAsync(order.id);
      setConfirming(false);
      toast({
        title: `${updated.number} cancelled`,
        description: order.status === "paid" ? `${formatMoney(updated.totalCents, updated.currency)} refunded to the customer.` : undefined,
        tone: "success",
      });
    } catch (error) {
      setCancelError(transitionErrorMessage(error));
    }
  }

  if (next.length === 0) {
    return <p className="text-sm text-stone-600">This order is {statusLabels[order.status].toLowerCase()}: its status can't change any more.</p>;
  }
  return (
    <div className="flex flex-wrap gap-3">
      {next.map((status) =>
        status === "cancelled" ? (
          <Button
            key={status}
            variant="danger"
            disabled={busy}
            onClick={() => {
              setCancelError(undefined);
              setConfirming(true);
            }}
          >
            {order.status === "paid" ? "Cancel and refund" : statusActionLabels.cancelled}
          </Button>
        ) : (
          <Button key={status} disabled={busy} onClick={() => void moveTo(status)}>
            {change.isPending && change.variables?.status === status && <Spinner label="Saving" />}
            {statusActionLabels[status]}
          </Button>
        ),
      )}
      {confirming && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setConfirming(false)}
          title={`Cancel order ${order.number}?`}
          description={cancelDescription(order, "staff")}
          confirmLabel={order.status === "paid" ? "Cancel and refund" : "Cancel order"}
          cancelLabel="Keep order"
          tone="danger"
          pending={cancel.isPending}
          error={cancelError}
          onConfirm={() => void confirmCancel()}
          fallbackFocusRef={fallbackFocusRef}
        />
      )}
    </div>
  );
}

function Transactions({ order }: { order: Order }) {
  const query = useOrderTransactions(order.id);
  if (query.isPending) return <Skeleton className="h-24 w-full" />;
  if (query.isError)
    return <QueryErrorState error={query.error} title="We couldn't load the payments" onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  if (query.data.length === 0) return <p className="text-sm text-stone-600">No payments recorded for this order.</p>;
  return (
    <Table caption={`Payments for order ${order.number}`} busy={query.isFetching}>
      <THead>
        <tr>
          <Th>Kind</Th>
          <Th>Result</Th>
          <Th className="text-right">Amount</Th>
          <Th>Reference</Th>
          <Th>When</Th>
        </tr>
      </THead>
      <TBody>
        {query.data.map((tx) => (
          <Tr key={tx.id} data-testid="transaction-row">
            <Td className="font-medium">{tx.kind === "refund" ? "Refund" : "Charge"}</Td>
            <Td>
              <span className={`font-semibold ${tx.status === "succeeded" ? "text-brand-800" : "text-red-800"}`}>
                {tx.status === "succeeded" ? "Succeeded" : "Failed"}
              </span>
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {tx.kind === "refund" ? "−" : ""}
              {formatMoney(tx.amountCents, tx.currency)}
            </Td>
            <Td className="font-mono text-xs">
              {tx.provider} · {tx.reference}
            </Td>
            <Td className="whitespace-nowrap">
              <time dateTime={tx.createdAt}>
                {formatDate(tx.createdAt)}, {formatTime(tx.createdAt)}
              </time>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** /admin/orders/:id: the whole story of one order for staff, and the buttons to move it on. */
/** Who ordered, as people know them: name and e-mail, the name leading to all their orders. */
function CustomerLink({ order }: { order: Order }) {
  const customer = order.customer;
  if (customer === null) return <span className="text-stone-700">a deleted account</span>;
  if (!customer) return <span className="font-mono text-xs">{order.userId}</span>;
  return (
    <span data-testid="order-customer">
      <Link
        href={`/admin/orders?q=${encodeURIComponent(customer.email)}`}
        className="font-semibold text-brand-800 hover:underline"
        title="All orders by this customer"
      >
        {customer.name}
      </Link>{" "}
      (
      <a href={`mailto:${customer.email}`} className="text-brand-800 hover:underline">
        {customer.email}
      </a>
      )
    </span>
  );
}

export function AdminOrderDetail({ orderId, backHref }: { orderId: string; backHref: string }) {
  const query = useOrder(orderId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const back = (
    <Link href={backHref} className="mb-4 inline-flex items-center gap-1 rounded text-sm font-semibold text-brand-800 hover:underline">
      <span aria-hidden="true">←</span> All orders
    </Link>
  );

  if (query.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        {back}
        <p role="status" className="sr-only">
          Loading order
        </p>
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-64 w-full rounded-2xl" />
      </div>
    );
  }
  if (query.isError && !query.data) {
    if (isApiError(query.error) && (query.error.isNotFound || query.error.status === 400)) {
      return (
        <>
          {back}
          <NotFoundState title="Order not found" message="No order has this id. It may have been mistyped." />
        </>
      );
    }
    return (
      <>
        {back}
        <QueryErrorState error={query.error} title="We couldn't load this order" onRetry={() => void query.refetch()} retrying={query.isRefetching} />
      </>
    );
  }

  const order = query.data;
  return (
    <>
      <title>{`Order ${order.number} · Admin · FruitfulPlanet`}</title>
      {back}
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1
            ref={headingRef}
            tabIndex={-1}
            className="flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight text-stone-900 focus:outline-none sm:text-3xl"
          >
            Order {order.number}
            <OrderStatusBadge status={order.status} size="md" />
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            Placed{" "}
            <time dateTime={order.createdAt}>
              {formatDate(order.createdAt)}, {formatTime(order.createdAt)}
            </time>{" "}
            · by <CustomerLink order={order} />
          </p>
        </div>
      </div>

      <Panel title="Next step" id="admin-order-actions-title" className="mb-6">
        <StatusActions order={order} fallbackFocusRef={headingRef} />
      </Panel>

      <div className="grid gap-6 xl:grid-cols-[1fr_22rem] xl:items-start">
        <div className="min-w-0 space-y-6">
          <Panel title="Items" id="admin-order-items-title">
            <OrderItemsTable order={order} viewer="staff" />
            <TotalsSummary totals={order} className="ml-auto mt-5 max-w-sm" />
          </Panel>
          <Panel title="Messages with the customer" id="admin-order-messages-title">
            <OrderThread orderId={order.id} side="staff" />
          </Panel>
        </div>
        <div className="min-w-0 space-y-6">
          <Panel title="Shipping to" id="admin-order-address-title">
            <ShippingAddressBlock address={order.shippingAddress} />
          </Panel>
          <Panel title="Status history" id="admin-order-history-title">
            <OrderTimeline order={order} viewer="staff" />
          </Panel>
        </div>
      </div>
      <Panel title="Payments" id="admin-order-payments-title" className="mt-6">
        <Transactions order={order} />
      </Panel>
    </>
  );
}
