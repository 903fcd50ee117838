import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { idParams } from "@shared/contracts/common";
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyKey,
  order,
  orderCreate,
  orderEvent,
  orderItem,
  orderList,
  orderListQuery,
  quote,
  quoteLine,
  quoteRequest,
  shippingAddress,
  statusChange,
  transaction,
  transactionList,
} from "@shared/contracts/orders";
import { errorResponses, jsonBody, jsonResponse, nameSchema, security } from "../openapi.components";

export const tag = { name: "Orders", description: "Cart quote, checkout with idempotency keys, order history, status changes, cancellations and refunds." };
const tags = [tag.name];

/** Orders and the cart quote. */
export function register(registry: OpenAPIRegistry): void {
  nameSchema(shippingAddress, "ShippingAddress");
  nameSchema(orderItem, "OrderItem");
  nameSchema(orderEvent, "OrderEvent", "One step of the status history; `actor` is a user id or `system` (payment outcome).");
  nameSchema(order, "Order", "Amounts are integer minor units of `currency`, computed by the server. `number` is the human order number (FP-000123).");
  nameSchema(orderList, "OrderList");
  nameSchema(orderCreate, "OrderCreate", "Strict: prices or totals in the body are rejected (400).");
  nameSchema(quoteLine, "QuoteLine");
  nameSchema(quote, "Quote");
  nameSchema(transaction, "Transaction");
  nameSchema(transactionList, "TransactionList");

  registry.registerPath({
    method: "post",
    path: "/api/v1/cart/quote",
    operationId: "quoteCart",
    tags,
    summary: "Price a cart with current prices and stock",
    description: [
      "Open to everyone (shoppers quote before signing in; a request carrying a session cookie still needs `X-CSRF-Token`).",
      "Each line reports a `problem` (`not_found`, `archived`, `out_of_stock`, `insufficient_stock`, `currency_mismatch`) or null;",
      "lines with a problem are left out of the totals. Tax is `TAX_RATE_BPS` of the subtotal (rounded half up); shipping is",
      "`SHIPPING_FLAT_CENTS` below `FREE_SHIPPING_THRESHOLD_CENTS` and free from it on.",
    ].join(" "),
    request: { body: jsonBody(quoteRequest) },
    responses: { 200: jsonResponse("The quote.", quote), ...errorResponses(400, "csrf_failed") },
  });

  const created = jsonResponse("The order, paid. A replay of an earlier request with the same Idempotency-Key carries `Idempotent-Replayed: true`.", order);
  created.headers = { ...(created.headers as object), [IDEMPOTENT_REPLAYED_HEADER]: { description: "`true` when this is the stored answer to an earlier request with the same key.", schema: { type: "string", enum: ["true"] } } };
  registry.registerPath({
    method: "post",
    path: "/api/v1/orders",
    operationId: "createOrder",
    tags,
    summary: "Place an order and pay with a test card",
    description: [
      "Prices and totals come from the server. Unknown or archived products → 400 (`details` name `items.N.productId`);",
      "not enough stock → 409 `out_of_stock` and nothing changes. Card `4242424242424242` succeeds; `4000000000000002` and any",
      "other number are declined → 402 `payment_declined`, the order ends `cancelled`, stock is released, a failed transaction is",
      "recorded. A payment provider outage or timeout also answers 402 (\"you have not been charged\").",
      "`Idempotency-Key` (8–255 printable ASCII characters, scoped to the user, kept 24 h): the same key and body return the",
      "stored answer (same order, never a second charge); while the first request runs → 409 `idempotency_in_progress`;",
      "a different body → 422 `idempotency_key_reused`.",
    ].join(" "),
    security: security.write,
    request: { body: jsonBody(orderCreate), headers: z.object({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey.optional() }) },
    responses: {
      201: created,
      ...errorResponses(400, "unauthenticated", "payment_declined", "csrf_failed", "out_of_stock", "idempotency_in_progress", "invalid_transition", "idempotency_key_reused"),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/orders",
    operationId: "listOrders",
    tags,
    summary: "List orders, newest first",
    description: [
      "Customers see their own orders (passing another user's `userId` is 403); staff and admins see all and may filter by `userId`.",
      "`status` filters; `q` matches an order number (`FP-000123` or `123`) or, for staff, part of the customer's email.",
    ].join(" "),
    security: security.read,
    request: { query: orderListQuery },
    responses: { 200: jsonResponse("A page of orders.", orderList), ...errorResponses(400, "unauthenticated", "forbidden") },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/orders/{id}",
    operationId: "getOrder",
    tags,
    summary: "Get an order with its items and status history",
    description: "The owner, staff or admins; anyone else gets 404.",
    security: security.read,
    request: { params: idParams },
    responses: { 200: jsonResponse("The order.", order), ...errorResponses(400, "unauthenticated", "not_found") },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/orders/{id}/status",
    operationId: "changeOrderStatus",
    tags,
    summary: "Move an order along the status machine (staff)",
    description: "pending → paid → shipped → delivered; pending or paid → cancelled (a paid order is refunded and its stock restored). Anything else → 409 `invalid_transition`.",
    security: security.write,
    request: { params: idParams, body: jsonBody(statusChange) },
    responses: { 200: jsonResponse("The order.", order), ...errorResponses(400, "unauthenticated", "forbidden", "csrf_failed", "not_found", "invalid_transition", "not_ready") },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/orders/{id}/cancel",
    operationId: "cancelOrder",
    tags,
    summary: "Cancel an order",
    description: "The owner while the order is pending or paid, or staff/admins. A paid order is refunded and its stock restored, exactly once even when cancels race. 503 `not_ready` when the payment service cannot refund right now (the order stays as it was).",
    security: security.write,
    request: { params: idParams },
    responses: { 200: jsonResponse("The cancelled order.", order), ...errorResponses(400, "unauthenticated", "csrf_failed", "not_found", "invalid_transition", "not_ready") },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/orders/{id}/transactions",
    operationId: "listOrderTransactions",
    tags,
    summary: "The payment transactions of an order (staff)",
    description: "Charges and refunds, oldest first; references never contain card data. Staff and admins only: a customer gets 403 for their own order and 404 for anyone else's.",
    security: security.read,
    request: { params: idParams },
    responses: { 200: jsonResponse("The transactions.", transactionList), ...errorResponses(400, "unauthenticated", "forbidden", "not_found") },
  });
}
