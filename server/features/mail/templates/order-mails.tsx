/* @jsxRuntime automatic */
// The pragma, not only tsconfig.server.json: tsx (npm run worker, npm run dev) reads the solution tsconfig.json, which
// covers no files, and would compile JSX to React.createElement with no React in scope — every mail.send would fail.
import type { CSSProperties } from "react";
import { z } from "zod";
import { order as orderSchema, type Order } from "@shared/contracts/orders";
import { describeOptionValues } from "@shared/variant-values";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { formatMoney } from "../money";
import { ActionLink, MailLayout, textStyle } from "./layout";

/** What every order mail is rendered from: the order as the API returns it, and who it is addressed to. */
export const orderMailProps = z.object({ order: orderSchema, customerName: z.string() });
export type OrderMailProps = z.infer<typeof orderMailProps>;
export const orderCancelledProps = orderMailProps.extend({ refunded: z.boolean() });
export type OrderCancelledProps = z.infer<typeof orderCancelledProps>;

type WithBase<P> = P & { baseUrl: string };

const cell: CSSProperties = { padding: "6px 0", fontSize: 14, borderBottom: "1px solid #e6e8e1" };
const right: CSSProperties = { ...cell, textAlign: "right", whiteSpace: "nowrap" };
const totalRow: CSSProperties = { ...right, fontWeight: 700, borderBottom: "none" };
const detail: CSSProperties = { fontSize: 12, color: "#5b6154" };

const orderUrl = (baseUrl: string, order: Order) => `${baseUrl}/orders/${order.id}`;

export function ItemsTable({ order }: { order: Order }) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  return (
    <table className="items" width="100%" cellPadding={0} cellSpacing={0} role="presentation" style={{ borderCollapse: "collapse", margin: "8px 0 16px" }}>
      <thead>
        <tr>
          <th style={{ ...cell, textAlign: "left" }}>Item</th>
          <th style={right}>Qty</th>
          <th style={right}>Price</th>
          <th style={right}>Total</th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((item) => (
          <tr key={`${item.productId}/${item.sku}`}>
            <td style={cell}>
              {item.name}
              {/* Which size or colour, as the cart and the order page name it ("Size: M"). */}
              {Object.keys(item.optionValues).length > 0 && (
                <>
                  <br />
                  <span style={detail}>{describeOptionValues(item.optionValues)}</span>
                </>
              )}
            </td>
            <td style={right}>{item.quantity}</td>
            <td style={right}>{money(item.unitPriceCents)}</td>
            <td style={right}>{money(item.lineTotalCents)}</td>
          </tr>
        ))}
        <tr>
          <td style={cell} colSpan={3}>
            Subtotal
          </td>
          <td style={right}>{money(order.subtotalCents)}</td>
        </tr>
        <tr>
          <td style={cell} colSpan={3}>
            Tax
          </td>
          <td style={right}>{money(order.taxCents)}</td>
        </tr>
        <tr>
          <td style={cell} colSpan={3}>
            Shipping
          </td>
          <td style={right}>{order.shippingCents === 0 ? "Free" : money(order.shippingCents)}</td>
        </tr>
        <tr>
          <td style={{ ...cell, fontWeight: 700, borderBottom: "none" }} colSpan={3}>
            Total
          </td>
          <td style={totalRow}>{money(order.totalCents)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function ShippingAddress({ order }: { order: Order }) {
  const a = order.shippingAddress;
  return (
    <Section>
      <Text style={{ ...textStyle, fontWeight: 700, marginBottom: 4 }}>Shipping to</Text>
      <Text style={textStyle}>
        {a.name}
        <br />
        {a.line1}
        {a.line2 ? (
          <>
            <br />
            {a.line2}
          </>
        ) : null}
        <br />
        {a.postalCode} {a.city}
        <br />
        {a.country}
      </Text>
    </Section>
  );
}

export function OrderConfirmationMail({ order, customerName, baseUrl }: WithBase<OrderMailProps>) {
  return (
    <MailLayout
      preview={`We received your payment of ${formatMoney(order.totalCents, order.currency)}.`}
      heading={`Thank you for your order, ${customerName}!`}
      baseUrl={baseUrl}
    >
      <Text style={textStyle}>Your payment for order {order.number} was received. We are getting it ready and will tell you when it ships.</Text>
      <ItemsTable order={order} />
      <ShippingAddress order={order} />
      <ActionLink href={orderUrl(baseUrl, order)}>View order {order.number}</ActionLink>
    </MailLayout>
  );
}

export function OrderShippedMail({ order, customerName, baseUrl }: WithBase<OrderMailProps>) {
  return (
    <MailLayout preview={`Order ${order.number} is on its way.`} heading="Your order is on its way" baseUrl={baseUrl}>
      <Text style={textStyle}>
        Good news, {customerName}: order {order.number} has left our warehouse.
      </Text>
      <ShippingAddress order={order} />
      <ActionLink href={orderUrl(baseUrl, order)}>Follow order {order.number}</ActionLink>
    </MailLayout>
  );
}

export function OrderDeliveredMail({ order, customerName, baseUrl }: WithBase<OrderMailProps>) {
  return (
    <MailLayout preview={`Order ${order.number} was delivered.`} heading="Your order was delivered" baseUrl={baseUrl}>
      <Text style={textStyle}>
        Hi {customerName}, order {order.number} has been delivered. We hope you enjoy it.
      </Text>
      <ActionLink href={orderUrl(baseUrl, order)}>View order {order.number}</ActionLink>
    </MailLayout>
  );
}

export function OrderCancelledMail({ order, customerName, refunded, baseUrl }: WithBase<OrderCancelledProps>) {
  const total = formatMoney(order.totalCents, order.currency);
  return (
    <MailLayout preview={`Order ${order.number} was cancelled.`} heading="Your order was cancelled" baseUrl={baseUrl}>
      <Text style={textStyle}>
        Hi {customerName}, order {order.number} has been cancelled.
      </Text>
      <Text style={textStyle}>
        {refunded ? `We refunded ${total} to your card; depending on your bank it may take a few days to appear.` : "You were not charged for this order."}
      </Text>
      <ActionLink href={orderUrl(baseUrl, order)}>View order {order.number}</ActionLink>
    </MailLayout>
  );
}
