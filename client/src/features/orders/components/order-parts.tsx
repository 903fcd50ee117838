import type { ReactNode } from "react";
import { Link } from "wouter";
import type { Order } from "@shared/contracts/orders";
import { Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { formatDate, formatTime } from "@client/lib/dates";
import { formatMoney } from "@client/lib/format";
import { describeOptionValues } from "@shared/variant-values";
import { actorLabel, statusLabels } from "../order-status";
import { OrderStatusBadge } from "./order-status-badge";

type OrderItem = Order["items"][number];

/** A line's option values as the cart names them ("Size: M"); staff also see the SKU they pick by. */
function ItemDetails({ item, viewer }: { item: OrderItem; viewer: "owner" | "staff" }) {
  const options = describeOptionValues(item.optionValues);
  if (!options && viewer === "owner") return null;
  return (
    <span data-testid="item-details" className="block text-xs font-normal text-stone-600">
      {options}
      {viewer === "staff" && (
        <>
          {options && " · "}
          <span className="font-mono">SKU {item.sku}</span>
        </>
      )}
    </span>
  );
}

/** One line per variant bought; the SKU tells two sizes of one product apart (the variant may since be gone). */
const itemKey = (item: OrderItem) => `${item.productId}/${item.sku}`;

/**
 * The order's lines as the server priced them at checkout (names, option values and prices are the order's own
 * copies). The owner's view links each product; staff see SKUs instead.
 */
export function OrderItemsTable({ order, viewer = "owner" }: { order: Order; viewer?: "owner" | "staff" }) {
  const nameOf = (item: OrderItem) => (
    <>
      {viewer === "owner" ? (
        // The product page takes an id as well as a slug.
        <Link href={`/products/${item.productId}`} className="hover:text-brand-800 hover:underline">
          {item.name}
        </Link>
      ) : (
        item.name
      )}
      <ItemDetails item={item} viewer={viewer} />
    </>
  );
  return (
    <>
      {/* Phones: one card per line, so quantity and total stay in view (a 4-column table scrolled them away). */}
      <ul aria-label={`Items in order ${order.number}`} className="divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white shadow-sm sm:hidden">
        {order.items.map((item) => (
          <li key={itemKey(item)} data-testid="order-item-card" className="flex items-start justify-between gap-3 px-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium text-stone-900">{nameOf(item)}</p>
              <p className="mt-0.5 tabular-nums text-stone-600">
                {item.quantity} × {formatMoney(item.unitPriceCents, order.currency)}
              </p>
            </div>
            <p className="whitespace-nowrap font-semibold tabular-nums text-stone-900">{formatMoney(item.lineTotalCents, order.currency)}</p>
          </li>
        ))}
      </ul>
      <OrderItemsGrid order={order} nameOf={nameOf} />
    </>
  );
}

function OrderItemsGrid({ order, nameOf }: { order: Order; nameOf: (item: OrderItem) => ReactNode }) {
  return (
    <Table caption={`Items in order ${order.number}`} className="max-sm:hidden">
      <THead>
        <tr>
          <Th>Product</Th>
          <Th className="text-right">Price</Th>
          <Th className="text-right">Qty</Th>
          <Th className="text-right">Total</Th>
        </tr>
      </THead>
      <TBody>
        {order.items.map((item) => (
          <Tr key={itemKey(item)} data-testid="order-item">
            <Td className="min-w-48 font-medium text-stone-900">{nameOf(item)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatMoney(item.unitPriceCents, order.currency)}</Td>
            <Td className="text-right tabular-nums">{item.quantity}</Td>
            <Td className="whitespace-nowrap text-right font-medium tabular-nums">{formatMoney(item.lineTotalCents, order.currency)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

let regionNames: Intl.DisplayNames | undefined;
/** "US" → "United States" in the reader's language; the code itself where the browser cannot name it. */
function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(undefined, { type: "region" });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function ShippingAddressBlock({ address }: { address: Order["shippingAddress"] }) {
  return (
    <address className="text-sm not-italic leading-relaxed text-stone-800" data-testid="shipping-address">
      <span className="font-semibold text-stone-900">{address.name}</span>
      <br />
      {address.line1}
      {address.line2 && (
        <>
          <br />
          {address.line2}
        </>
      )}
      <br />
      {address.city} {address.postalCode}
      <br />
      {countryName(address.country)}
      {address.phone && (
        <>
          <br />
          {address.phone}
        </>
      )}
    </address>
  );
}

/** The status history, oldest first: what happened, when, and who did it. */
export function OrderTimeline({ order, viewer }: { order: Order; viewer: "owner" | "staff" }) {
  return (
    <ol className="relative space-y-5 border-l-2 border-stone-200 pl-6" data-testid="order-timeline">
      {order.events.map((event, index) => {
        const latest = index === order.events.length - 1;
        return (
          <li key={`${event.status}-${event.at}-${index}`} className="relative" data-testid="timeline-event" data-status={event.status}>
            <span
              aria-hidden="true"
              className={`absolute -left-[31px] top-1 size-4 rounded-full border-2 border-white ring-2 ${latest ? "bg-brand-600 ring-brand-300" : "bg-stone-300 ring-stone-200"}`}
            />
            <div className="flex flex-wrap items-center gap-2">
              <OrderStatusBadge status={event.status} />
              {latest && <span className="sr-only">(current status)</span>}
              <span className="text-sm text-stone-600">by {actorLabel(event.actor, order, viewer)}</span>
            </div>
            <p className="mt-1 text-sm text-stone-700">
              <span className="sr-only">{statusLabels[event.status]} on </span>
              <time dateTime={event.at}>
                {formatDate(event.at)}, {formatTime(event.at)}
              </time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/** A titled white card: the building block of the order pages. */
export function Panel({
  title,
  id,
  children,
  className = "",
  action,
}: {
  title: string;
  id: string;
  children: ReactNode;
  className?: string;
  action?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={`rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6 ${className}`}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-stone-900">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
