import { idParams } from "@shared/contracts/common";
import {
  webhookCreate,
  webhookDelivery,
  webhookDeliveryPage,
  webhookDeliveryParams,
  webhookDeliveryQuery,
  webhookEndpoint,
  webhookEndpointList,
  webhookEndpointWithSecret,
  webhookUpdate,
} from "@shared/contracts/webhooks";
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import type { WebhooksService } from "./webhooks.service";

const writeErrors = [400, "unauthenticated", "forbidden", "csrf_failed", "not_found"] as const;

/** Outgoing webhook endpoints and their deliveries: admins only (ADR 025). */
export const webhooksRoutes = routeTable<WebhooksService>(
  {
    mount: "/api/v1",
    tag: {
      name: "Webhooks",
      description:
        "Outgoing webhooks (admins only), signed per Standard Webhooks: headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint's `whsec_` secret). Bodies are `{ type, timestamp, data }`.",
    },
    schemas: {
      WebhookEndpoint: webhookEndpoint,
      WebhookEndpointWithSecret: [webhookEndpointWithSecret, "The created endpoint with its signing secret, shown only in this response."],
      WebhookDelivery: webhookDelivery,
      WebhookDeliveryPage: webhookDeliveryPage,
    },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "get",
      path: "/webhooks",
      operationId: "listWebhooks",
      summary: "List webhook endpoints",
      access: "admin",
      responses: { 200: { description: "Every endpoint, newest first.", schema: webhookEndpointList } },
      errors: ["unauthenticated", "forbidden"],
      handler: ({ user }, webhooks) => webhooks.list(user),
    }),
    route({
      method: "post",
      path: "/webhooks",
      operationId: "createWebhook",
      summary: "Add an endpoint",
      description:
        "Private, loopback and link-local targets are refused (400) unless `WEBHOOK_ALLOW_PRIVATE_TARGETS=true`. The response holds the signing secret; it is never shown again.",
      access: "admin",
      request: { body: webhookCreate },
      responses: { 201: { description: "The endpoint and its secret.", schema: webhookEndpointWithSecret } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed"],
      handler: ({ user, body, req }, webhooks) => webhooks.create(user, body, requestMeta(req)),
    }),
    route({
      method: "patch",
      path: "/webhooks/:id",
      operationId: "updateWebhook",
      summary: "Change an endpoint, or enable / disable it",
      description: "`enabled: true` re-enables an endpoint the delivery policy disabled and resets its failure count.",
      access: "admin",
      request: { params: idParams, body: webhookUpdate },
      responses: { 200: { description: "The endpoint.", schema: webhookEndpoint } },
      errors: [...writeErrors],
      handler: ({ user, params, body, req }, webhooks) => webhooks.update(user, params.id, body, requestMeta(req)),
    }),
    route({
      method: "delete",
      path: "/webhooks/:id",
      operationId: "deleteWebhook",
      summary: "Delete an endpoint and its delivery log",
      access: "admin",
      request: { params: idParams },
      responses: { 204: { description: "Deleted." } },
      errors: [...writeErrors],
      handler: ({ user, params, req }, webhooks) => webhooks.remove(user, params.id, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/webhooks/:id/ping",
      operationId: "pingWebhook",
      summary: "Queue a `webhook.ping` delivery",
      access: "admin",
      request: { params: idParams },
      responses: { 202: { description: "The queued delivery.", schema: webhookDelivery } },
      errors: [...writeErrors, "conflict"],
      handler: ({ user, params, req }, webhooks) => webhooks.ping(user, params.id, requestMeta(req)),
    }),
    route({
      method: "get",
      path: "/webhooks/:id/deliveries",
      operationId: "listWebhookDeliveries",
      summary: "The endpoint's deliveries, newest first",
      access: "admin",
      request: { params: idParams, query: webhookDeliveryQuery },
      responses: { 200: { description: "A page of deliveries.", schema: webhookDeliveryPage } },
      errors: [400, "unauthenticated", "forbidden", "not_found"],
      handler: ({ user, params, query }, webhooks) => webhooks.listDeliveries(user, params.id, query),
    }),
    route({
      method: "post",
      path: "/webhooks/:id/deliveries/:deliveryId/retry",
      operationId: "retryWebhookDelivery",
      summary: "Send a finished delivery once more",
      description: "The same `webhook-id` is sent again. 409 `conflict` while it is still pending or when the endpoint is disabled.",
      access: "admin",
      request: { params: webhookDeliveryParams },
      responses: { 202: { description: "The delivery, pending again.", schema: webhookDelivery } },
      errors: [...writeErrors, "conflict"],
      handler: ({ user, params, req }, webhooks) => webhooks.retryDelivery(user, params.id, params.deliveryId, requestMeta(req)),
    }),
  ],
);
