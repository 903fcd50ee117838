import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Router } from "wouter";
import type { Order } from "@shared/contracts/orders";
import { OrderItemsTable } from "./order-parts";

const tee = { productId: "00000000-0000-4000-8000-0000000000b1", name: "Organic Tee", unitPriceCents: 2000, quantity: 1, lineTotalCents: 2000 };
const order: Order = {
  id: "00000000-0000-4000-8000-000000000123",
  number: "FP-000123",
  userId: null,
  guestEmail: "ada@example.test",
  status: "paid",
  items: [
    { ...tee, variantId: "00000000-0000-4000-8000-0000000000c1", sku: "organic-tee-s", optionValues: { Size: "S" } },
    { ...tee, variantId: null, sku: "organic-tee-m", optionValues: { Size: "M", Colour: "Blue" } },
    {
      productId: "00000000-0000-4000-8000-0000000000b2",
      variantId: null,
      sku: "honey",
      optionValues: {},
      name: "Honey",
      unitPriceCents: 900,
      quantity: 2,
      lineTotalCents: 1800,
    },
  ],
  subtotalCents: 5800,
  taxCents: 0,
  shippingCents: 0,
  totalCents: 5800,
  currency: "USD",
  shippingAddress: { name: "Ada", line1: "1 Test Street", city: "London", postalCode: "SW1", country: "GB" },
  events: [],
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
};

/** The item details (option values, SKU) of each rendered row, in order, for the phone cards or the table. */
function detailsOf(viewer: "owner" | "staff", testId: "order-item-card" | "order-item") {
  const html = renderToStaticMarkup(createElement(Router, { ssrPath: `/orders/${order.id}`, children: createElement(OrderItemsTable, { order, viewer }) }));
  const rows = html
    .split(`data-testid="${testId}"`)
    .slice(1)
    .map((row) => row.split(/<\/(?:li|tr)>/)[0]!);
  return rows.map((row) => /data-testid="item-details"[^>]*>(.*?)<\/span><\/(?:p|td)>/.exec(row)?.[1]?.replace(/<[^>]+>/g, "") ?? null);
}

describe("OrderItemsTable", () => {
  it("when a shopper's order holds two sizes of one product, then each line names its option values as the cart does, on phones and in the table", () => {
    for (const testId of ["order-item-card", "order-item"] as const) {
      expect(detailsOf("owner", testId), testId).toEqual(["Size: S", "Size: M / Colour: Blue", null]);
    }
  });

  it("when staff look at the order, then each line also shows the SKU it was bought as", () => {
    expect(detailsOf("staff", "order-item")).toEqual(["Size: S · SKU organic-tee-s", "Size: M / Colour: Blue · SKU organic-tee-m", "SKU honey"]);
  });
});
