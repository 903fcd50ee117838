import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { User } from "@shared/contracts/auth";
import type { OrderMessage, OrderMessageList } from "@shared/contracts/inbox";
import { dispatchMessage } from "@client/features/realtime/handlers";
import { realtimeHandlers } from "@client/app/realtime-handlers";
import { inboxKeys } from "./api/inbox";

const ORDER_ID = "6f1c1e5e-8f3a-4c1e-9a57-2d6b2b7f0a11";
const SHOPPER: User = {
  id: "0b6f4a52-8a4c-4d7e-9a51-2f1d3c4b5a60",
  email: "s@example.com",
  name: "Shay",
  role: "customer",
  emailVerified: true,
  version: 1,
  createdAt: "2026-03-04T10:00:00.000Z",
};
const message = (id: string, authorSide: OrderMessage["authorSide"]): OrderMessage => ({
  id,
  orderId: ORDER_ID,
  authorSide,
  authorName: authorSide === "staff" ? "Sam" : "Shay",
  body: "hello",
  readAt: null,
  createdAt: "2026-03-04T10:00:00.000Z",
});

function threadWith(messages: OrderMessage[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<OrderMessageList>(inboxKeys.thread(ORDER_ID), { data: messages });
  const send = (m: Parameters<typeof dispatchMessage>[1]) => dispatchMessage(realtimeHandlers, m, { queryClient, user: SHOPPER, toast: () => {} });
  const thread = () => queryClient.getQueryData<OrderMessageList>(inboxKeys.thread(ORDER_ID))!.data;
  return { send, thread };
}

describe("order thread realtime", () => {
  it("when the same message arrives twice (own answer and live push), then the open thread shows it once", () => {
    const { send, thread } = threadWith([message("a0000000-0000-4000-8000-000000000001", "customer")]);
    const reply = message("a0000000-0000-4000-8000-000000000002", "staff");
    send({ type: "order.message", data: reply });
    send({ type: "order.message", data: reply });
    expect(thread().map((m) => m.id)).toEqual(["a0000000-0000-4000-8000-000000000001", reply.id]);
  });

  it("when staff read the thread, then only the customer's messages get the read time", () => {
    const { send, thread } = threadWith([
      message("a0000000-0000-4000-8000-000000000001", "customer"),
      message("a0000000-0000-4000-8000-000000000002", "staff"),
    ]);
    send({ type: "order.messages_read", data: { orderId: ORDER_ID, readerSide: "staff", readAt: "2026-03-04T10:05:00.000Z", count: 1 } });
    expect(thread().map((m) => m.readAt)).toEqual(["2026-03-04T10:05:00.000Z", null]);
  });
});
