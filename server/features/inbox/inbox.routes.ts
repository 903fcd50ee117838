import { idParams } from "@shared/contracts/common";
import {
  lowStockThreshold,
  lowStockThresholdResponse,
  notificationList,
  notificationListQuery,
  notificationPreferences,
  orderMessage,
  orderMessageCreate,
  orderMessageList,
  orderMessagesRead,
  staffNotification,
  unreadCount,
} from "@shared/contracts/inbox";
import { orderAccessQuery } from "@shared/contracts/orders";
import { routeTable } from "../../lib/route-table";
import type { OrderMessages } from "./order-messages";
import type { StaffAlerts } from "./staff-alerts";

export interface InboxRouteDeps {
  alerts: StaffAlerts;
  messages: OrderMessages;
}

const guestAccess = "A guest (no session) passes the order's access token as `?access=` (the one from the checkout answer and the confirmation mail).";

/** Staff notifications (the console's bell) and order conversations (issue 16 §1–2, ADRs 054–055). */
export const inboxRoutes = routeTable<InboxRouteDeps>(
  {
    mount: "/api/v1",
    tag: {
      name: "Inbox",
      description: "Staff notifications (new orders, failed payments, low stock, disabled webhooks, dead jobs, customer messages) and order conversations.",
    },
    schemas: {
      StaffNotification: [staffNotification, "One notification of the signed-in staff member; `link` is a console path."],
      NotificationList: notificationList,
      NotificationPreferences: notificationPreferences,
      OrderMessage: [orderMessage, "`body` is plain text; render it as text, never as HTML."],
      OrderMessageList: orderMessageList,
      OrderMessagesRead: orderMessagesRead,
    },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "get",
      path: "/notifications",
      operationId: "listNotifications",
      summary: "My notifications, newest first, with the unread count",
      description: "Staff and admins. `unread=true` lists only unread ones. Live copies arrive on the `notifications` WebSocket channel.",
      access: "staff",
      request: { query: notificationListQuery },
      responses: { 200: { description: "A page of notifications and `unreadCount`.", schema: notificationList } },
      errors: [400, "unauthenticated", "forbidden"],
      handler: ({ user, query }, { alerts }) => alerts.list(user, query),
    }),
    route({
      method: "post",
      path: "/notifications/read-all",
      operationId: "markAllNotificationsRead",
      summary: "Mark all my notifications read",
      access: "staff",
      responses: { 200: { description: "The unread count (0).", schema: unreadCount } },
      errors: ["unauthenticated", "forbidden", "csrf_failed"],
      handler: ({ user }, { alerts }) => alerts.markAllRead(user),
    }),
    route({
      method: "get",
      path: "/notifications/preferences",
      operationId: "getNotificationPreferences",
      summary: "Which kinds I get in the bell and by e-mail",
      description: "Without saved preferences every kind shows in the bell and none is e-mailed.",
      access: "staff",
      responses: { 200: { description: "The preferences.", schema: notificationPreferences } },
      errors: ["unauthenticated", "forbidden"],
      handler: ({ user }, { alerts }) => alerts.preferences(user),
    }),
    route({
      method: "put",
      path: "/notifications/preferences",
      operationId: "saveNotificationPreferences",
      summary: "Choose the kinds I get in the bell and by e-mail",
      description: "A kind is e-mailed only if it is also in `inApp`. Admin-only kinds (`webhook.disabled`, `job.dead`) never reach staff.",
      access: "staff",
      request: { body: notificationPreferences },
      responses: { 200: { description: "The saved preferences.", schema: notificationPreferences } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed"],
      handler: ({ user, body }, { alerts }) => alerts.savePreferences(user, body),
    }),
    route({
      method: "post",
      path: "/notifications/:id/read",
      operationId: "markNotificationRead",
      summary: "Mark one of my notifications read",
      access: "staff",
      request: { params: idParams },
      responses: { 200: { description: "The notification.", schema: staffNotification } },
      errors: [400, "unauthenticated", "forbidden", "not_found", "csrf_failed"],
      handler: ({ user, params }, { alerts }) => alerts.markRead(user, params.id),
    }),
    route({
      method: "put",
      path: "/products/:id/low-stock-threshold",
      operationId: "setLowStockThreshold",
      summary: "Set a product's low-stock threshold",
      description:
        "A paid order that leaves the product's stock at or below the threshold (without one: the `lowStockThreshold` flag, default 5) notifies staff, at most once a day per product.",
      access: "admin",
      request: { params: idParams, body: lowStockThreshold },
      responses: { 200: { description: "The saved threshold.", schema: lowStockThresholdResponse } },
      errors: [400, "unauthenticated", "forbidden", "not_found", "csrf_failed"],
      handler: ({ user, params, body }, { alerts }) => alerts.setLowStockThreshold(user, params.id, body.threshold),
    }),
    route({
      method: "get",
      path: "/orders/:id/messages",
      operationId: "listOrderMessages",
      summary: "An order's conversation, oldest first",
      description: `The order's owner, staff and admins; anyone else gets 404. ${guestAccess} Opening the thread marks the other side's messages read (read receipts, pushed as \`order.messages_read\`).`,
      access: "public",
      request: { params: idParams, query: orderAccessQuery },
      responses: { 200: { description: "The thread.", schema: orderMessageList } },
      errors: [400, "unauthenticated", "not_found"],
      handler: ({ user, params, query }, { messages }) => messages.list({ user, access: query.access }, params.id),
    }),
    route({
      method: "post",
      path: "/orders/:id/messages",
      operationId: "postOrderMessage",
      summary: "Write on an order's conversation",
      description: [
        `The order's owner, staff and admins (anyone else: 404). ${guestAccess} \`body\` is 1–2,000 characters of plain text.`,
        "At most 5 messages a minute per author and order (429 with Retry-After). The message is pushed live as `order.message` on the",
        "`orders` channel to the owner and staff; a customer message also notifies staff. If the other side has not read it a minute later, they get an e-mail.",
      ].join(" "),
      access: "public",
      request: { params: idParams, query: orderAccessQuery, body: orderMessageCreate },
      responses: { 201: { description: "The stored message.", schema: orderMessage } },
      errors: [400, "unauthenticated", "not_found", "csrf_failed"],
      handler: ({ user, params, query, body }, { messages }) => messages.post({ user, access: query.access }, params.id, body.body),
    }),
    route({
      method: "post",
      path: "/orders/:id/messages/read",
      operationId: "markOrderMessagesRead",
      summary: "Mark the other side's messages read",
      description: `For a thread on screen while messages arrive live. ${guestAccess}`,
      access: "public",
      request: { params: idParams, query: orderAccessQuery },
      responses: { 200: { description: "The read receipt (count 0 when nothing was unread).", schema: orderMessagesRead } },
      errors: [400, "unauthenticated", "not_found", "csrf_failed"],
      handler: ({ user, params, query }, { messages }) => messages.read({ user, access: query.access }, params.id),
    }),
  ],
);
