import { z } from "zod";
import { idParams } from "@shared/contracts/common";
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  createdOrder,
  idempotencyKey,
  order,
  orderAccessQuery,
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
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import type { OrdersService } from "./orders.service";

/** The optional Idempotency-Key header, validated with the shared schema (a bad key is a 400, never ignored). */
const idempotencyHeaders = z.object({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey.optional() });

/** Orders plus the cart quote. Guards first; the service checks ownership and roles again. */
export const ordersRoutes = routeTable<OrdersService>(
  {
    mount: "/api/v1",
    tag: { name: "Orders", description: "Cart quote, checkout with idempotency keys, order history, status changes, cancellations and refunds." },
    schemas: {
      ShippingAddress: shippingAddress,
      OrderItem: orderItem,
      OrderEvent: [orderEvent, "One step of the status history; `actor` is a user id or `system` (payment outcome)."],
      Order: [order, "Amounts are integer minor units of `currency`, computed by the server. `number` is the human order number (FP-000123)."],
      OrderList: orderList,
      OrderCreate: [orderCreate, "Strict: prices or totals in the body are rejected (400)."],
      QuoteLine: quoteLine,
      Quote: quote,
      Transaction: transaction,
      TransactionList: transactionList,
    },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "post",
      path: "/cart/quote",
      operationId: "quoteCart",
      summary: "Price a cart with current prices and stock",
      description: [
        "Open to everyone (shoppers quote before signing in; a request carrying a session cookie still needs `X-CSRF-Token`).",
        "Each line reports a `problem` (`not_found`, `archived`, `out_of_stock`, `insufficient_stock`, `currency_mismatch`) or null;",
        "lines with a problem are left out of the totals. Tax is `TAX_RATE_BPS` of the subtotal (rounded half up); shipping is",
        "`SHIPPING_FLAT_CENTS` below `FREE_SHIPPING_THRESHOLD_CENTS` and free from it on.",
      ].join(" "),
      access: "public",
      request: { body: quoteRequest },
      responses: { 200: { description: "The quote.", schema: quote } },
      errors: [400, "csrf_failed"],
      handler: ({ body }, orders) => orders.quote(body),
    }),
    route({
      method: "post",
      path: "/orders",
      operationId: "createOrder",
      summary: "Place an order and pay with a test card",
      description: [
        "Prices and totals come from the server. Unknown or archived products → 400 (`details` name `items.N.productId`);",
        "not enough stock → 409 `out_of_stock` and nothing changes. Card `4242424242424242` succeeds (`4000000000003063` after 3 s); `4000000000000002` and any",
        "other number are declined → 402 `payment_declined`, the order ends `cancelled`, stock is released, a failed transaction is",
        'recorded. A payment provider outage or timeout also answers 402 ("you have not been charged").',
        "`Idempotency-Key` (8–255 printable ASCII characters, scoped to the user, kept 24 h): the same key and body return the",
        "stored answer (same order, never a second charge); while the first request runs → 409 `idempotency_in_progress`;",
        "a different body → 422 `idempotency_key_reused`.",
        "Guest checkout (no session or token): `email` is required, the key is scoped to that e-mail, and the 201 carries",
        "`guestAccessToken`, which opens the order at `GET /orders/:id?access=…`. `shippingAddressId` picks a saved address instead of",
        "an inline `shippingAddress` (signed in only; exactly one of the two).",
      ].join(" "),
      // Public for guest checkout; the service requires `email` when nobody is signed in.
      access: "public",
      request: { body: orderCreate, headers: idempotencyHeaders },
      responses: {
        201: {
          description:
            "The order, paid (with `guestAccessToken` for a guest). A replay of an earlier request with the same Idempotency-Key carries `Idempotent-Replayed: true`.",
          schema: createdOrder,
          headers: {
            [IDEMPOTENT_REPLAYED_HEADER]: {
              description: "`true` when this is the stored answer to an earlier request with the same key.",
              schema: { type: "string", enum: ["true"] },
            },
          },
        },
      },
      errors: [
        400,
        "unauthenticated",
        "payment_declined",
        "csrf_failed",
        "out_of_stock",
        "idempotency_in_progress",
        "invalid_transition",
        "idempotency_key_reused",
      ],
      handler: async ({ user, body, headers, req, res }, orders) => {
        const key = headers[IDEMPOTENCY_KEY_HEADER];
        // The key's fingerprint covers the request line too, as this route answers to it.
        const idempotency = key === undefined ? undefined : { key, method: req.method, path: `${req.baseUrl}${(req.route as { path: string }).path}` };
        const result = await orders.create(user, body, idempotency, requestMeta(req));
        switch (result.outcome) {
          case "placed":
            // A replay answers like the first request did: 201 with the same order.
            if (result.replayed) res.set(IDEMPOTENT_REPLAYED_HEADER, "true");
            res.status(201).json(result.order);
            return;
          case "replayed_error":
            res.set(IDEMPOTENT_REPLAYED_HEADER, "true");
            throw result.error;
          case "in_progress":
            res.set("Retry-After", "1");
            throw result.error;
        }
      },
    }),
    route({
      method: "get",
      path: "/orders",
      operationId: "listOrders",
      summary: "List orders, newest first",
      description: [
        "Customers see their own orders (passing another user's `userId` is 403); staff and admins see all and may filter by `userId`.",
        "`status` filters; `q` matches an order number (`FP-000123` or `123`) or, for staff, part of the customer's email.",
      ].join(" "),
      access: "signedIn",
      request: { query: orderListQuery },
      responses: { 200: { description: "A page of orders.", schema: orderList } },
      errors: [400, "unauthenticated", "forbidden"],
      handler: ({ user, query }, orders) => orders.list(user, query),
    }),
    route({
      method: "get",
      path: "/orders/:id",
      operationId: "getOrder",
      summary: "Get an order with its items and status history",
      description:
        "The owner, staff or admins; anyone else gets 404. Without a session, `?access=<guestAccessToken>` opens the guest order it was issued for (any other id → 404).",
      // Public so a guest's link works; without `access` the service asks for a sign-in (401).
      access: "public",
      request: { params: idParams, query: orderAccessQuery },
      responses: { 200: { description: "The order.", schema: order } },
      errors: [400, "unauthenticated", "not_found"],
      handler: ({ user, params, query }, orders) => orders.getForViewer(user, params.id, query.access),
    }),
    route({
      method: "post",
      path: "/orders/:id/status",
      operationId: "changeOrderStatus",
      summary: "Move an order along the status machine (staff)",
      description:
        "pending → paid → shipped → delivered; pending or paid → cancelled (a paid order is refunded and its stock restored). Anything else → 409 `invalid_transition`.",
      access: "staff",
      request: { params: idParams, body: statusChange },
      responses: { 200: { description: "The order.", schema: order } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed", "not_found", "invalid_transition", "not_ready"],
      handler: ({ user, params, body, req }, orders) => orders.changeStatus(user, params.id, body.status, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/orders/:id/cancel",
      operationId: "cancelOrder",
      summary: "Cancel an order",
      description:
        "The owner while the order is pending or paid, or staff/admins. A paid order is refunded and its stock restored, exactly once even when cancels race. 503 `not_ready` when the payment service cannot refund right now (the order stays as it was).",
      access: "signedIn",
      request: { params: idParams },
      responses: { 200: { description: "The cancelled order.", schema: order } },
      errors: [400, "unauthenticated", "csrf_failed", "not_found", "invalid_transition", "not_ready"],
      handler: ({ user, params, req }, orders) => orders.cancel(user, params.id, requestMeta(req)),
    }),
    route({
      method: "get",
      path: "/orders/:id/transactions",
      operationId: "listOrderTransactions",
      summary: "The payment transactions of an order (staff)",
      description:
        "Charges and refunds, oldest first; references never contain card data. Staff and admins only: a customer gets 403 for their own order and 404 for anyone else's.",
      // Any signed-in user passes the guard so that other people's orders answer 404 (not 403); the service
      // admits staff and admins only (a customer's own order → 403).
      access: "signedIn",
      request: { params: idParams },
      responses: { 200: { description: "The transactions.", schema: transactionList } },
      errors: [400, "unauthenticated", "forbidden", "not_found"],
      handler: ({ user, params }, orders) => orders.transactions(user, params.id),
    }),
  ],
);
