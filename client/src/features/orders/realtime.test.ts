import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Order } from "@shared/contracts/orders";
import { orderKeys, type OrderPage } from "./api/orders";
import { applyOrderStatusMessage, withStatusUpdate } from "./realtime";

const ORDER_ID = "6f1c1e5e-8f3a-4c1e-9a57-2d6b2b7f0a11";
const OWNER = "0b6f4a52-8a4c-4d7e-9a51-2f1d3c4b5a60";

function paidOrder(): Order {
  return {
    id: ORDER_ID,
    number: "FP-000123",
    userId: OWNER,
    guestEmail: null,
    status: "paid",
    items: [],
    subtotalCents: 1000,
    taxCents: 0,
    shippingCents: 0,
    totalCents: 1000,
    currency: "USD",
    shippingAddress: { name: "Shay", line1: "1 Orchard Way", city: "Appleton", postalCode: "12345", country: "US" },
    events: [
      { status: "pending", at: "2026-03-04T10:00:00.000Z", actor: OWNER },
      { status: "paid", at: "2026-03-04T10:00:01.000Z", actor: "system" },
    ],
    createdAt: "2026-03-04T10:00:00.000Z",
    updatedAt: "2026-03-04T10:00:01.000Z",
  };
}

const shipped = { orderId: ORDER_ID, number: "FP-000123", status: "shipped" as const, at: "2026-03-04T11:00:00.000Z" };

/** A client whose queries never really fetch (invalidation would call these). */
function newClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, queryFn: () => new Promise(() => {}) } } });
}

describe("withStatusUpdate", () => {
  it("when a newer status arrives, then the order takes it and its timeline gains the event once", () => {
    const next = withStatusUpdate(paidOrder(), shipped);
    expect(next.status).toBe("shipped");
    expect(next.events.map((e) => e.status)).toEqual(["pending", "paid", "shipped"]);
    expect(withStatusUpdate(next, shipped)).toBe(next);
  });

  it("when an older message arrives late, then the status does not move back", () => {
    const order = withStatusUpdate(paidOrder(), shipped);
    const late = withStatusUpdate(order, { ...shipped, status: "paid", at: "2026-03-04T10:30:00.000Z" });
    expect(late.status).toBe("shipped");
  });
});

describe("applyOrderStatusMessage", () => {
  it("when the order is open and listed, then both show the new status at once and are marked for refetch", () => {
    const queryClient = newClient();
    queryClient.setQueryData(orderKeys.detail(ORDER_ID), paidOrder());
    const listKey = orderKeys.list({}, 20);
    const pages: InfiniteData<OrderPage, string | undefined> = {
      pages: [{ data: [paidOrder()], pagination: { nextCursor: null, hasMore: false } }],
      pageParams: [undefined],
    };
    queryClient.setQueryData(listKey, pages);

    const outcome = applyOrderStatusMessage(queryClient, shipped);

    expect(outcome).toEqual({ previousStatus: "paid", userId: OWNER });
    const detail = queryClient.getQueryData<Order>(orderKeys.detail(ORDER_ID))!;
    expect(detail.status).toBe("shipped");
    expect(detail.events.at(-1)).toMatchObject({ status: "shipped", at: shipped.at });
    const list = queryClient.getQueryData<typeof pages>(listKey)!;
    expect(list.pages[0]!.data[0]!.status).toBe("shipped");
    expect(queryClient.getQueryState(orderKeys.detail(ORDER_ID))!.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(listKey)!.isInvalidated).toBe(true);
  });

  it("when the order is in no cache, then nothing is invented and the outcome is empty", () => {
    const queryClient = newClient();
    expect(applyOrderStatusMessage(queryClient, shipped)).toEqual({});
    expect(queryClient.getQueryData(orderKeys.detail(ORDER_ID))).toBeUndefined();
  });
});
