import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
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
import { emptyResponse, errorResponses, jsonBody, jsonResponse, nameSchema, security } from "../openapi.components";

export const tag = {
  name: "Webhooks",
  description:
    "Outgoing webhooks (admins only), signed per Standard Webhooks: headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint's `whsec_` secret). Bodies are `{ type, timestamp, data }`.",
};
const tags = [tag.name];
const writeErrors = [400, "unauthenticated", "forbidden", "csrf_failed", "not_found"] as const;

export function register(registry: OpenAPIRegistry): void {
  nameSchema(webhookEndpoint, "WebhookEndpoint");
  nameSchema(webhookEndpointWithSecret, "WebhookEndpointWithSecret", "The created endpoint with its signing secret, shown only in this response.");
  nameSchema(webhookDelivery, "WebhookDelivery");
  nameSchema(webhookDeliveryPage, "WebhookDeliveryPage");

  registry.registerPath({
    method: "get",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    tags,
    summary: "List webhook endpoints",
    security: security.read,
    responses: { 200: jsonResponse("Every endpoint, newest first.", webhookEndpointList), ...errorResponses("unauthenticated", "forbidden") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    tags,
    summary: "Add an endpoint",
    description: "Private, loopback and link-local targets are refused (400) unless `WEBHOOK_ALLOW_PRIVATE_TARGETS=true`. The response holds the signing secret; it is never shown again.",
    security: security.write,
    request: { body: jsonBody(webhookCreate) },
    responses: { 201: jsonResponse("The endpoint and its secret.", webhookEndpointWithSecret), ...errorResponses(400, "unauthenticated", "forbidden", "csrf_failed") },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/webhooks/{id}",
    operationId: "updateWebhook",
    tags,
    summary: "Change an endpoint, or enable / disable it",
    description: "`enabled: true` re-enables an endpoint the delivery policy disabled and resets its failure count.",
    security: security.write,
    request: { params: idParams, body: jsonBody(webhookUpdate) },
    responses: { 200: jsonResponse("The endpoint.", webhookEndpoint), ...errorResponses(...writeErrors) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    tags,
    summary: "Delete an endpoint and its delivery log",
    security: security.write,
    request: { params: idParams },
    responses: { 204: emptyResponse("Deleted."), ...errorResponses(...writeErrors) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/webhooks/{id}/ping",
    operationId: "pingWebhook",
    tags,
    summary: "Queue a `webhook.ping` delivery",
    security: security.write,
    request: { params: idParams },
    responses: { 202: jsonResponse("The queued delivery.", webhookDelivery), ...errorResponses(...writeErrors, "conflict") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    tags,
    summary: "The endpoint's deliveries, newest first",
    security: security.read,
    request: { params: idParams, query: webhookDeliveryQuery },
    responses: { 200: jsonResponse("A page of deliveries.", webhookDeliveryPage), ...errorResponses(400, "unauthenticated", "forbidden", "not_found") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry",
    operationId: "retryWebhookDelivery",
    tags,
    summary: "Send a finished delivery once more",
    description: "The same `webhook-id` is sent again. 409 `conflict` while it is still pending or when the endpoint is disabled.",
    security: security.write,
    request: { params: webhookDeliveryParams },
    responses: { 202: jsonResponse("The delivery, pending again.", webhookDelivery), ...errorResponses(...writeErrors, "conflict") },
  });
}
