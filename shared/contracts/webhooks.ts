import { z } from "zod";
import { listOf, pageQuery, uuid } from "./common";

/** Events an endpoint may subscribe to; `webhook.ping` is sent only by the ping action and needs no subscription. */
export const webhookEventTypes = [
  "order.created",
  "order.paid",
  "order.status_changed",
  "order.cancelled",
  "product.created",
  "product.updated",
  "product.deleted",
] as const;
export const webhookEventType = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventType>;
export const WEBHOOK_PING = "webhook.ping";

const webhookUrl = z
  .url({ protocol: /^https?$/, message: "Must be an http:// or https:// URL" })
  .max(2000)
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), "Must not contain a user name or password");

const events = z
  .array(webhookEventType)
  .min(1, "Choose at least one event")
  .refine((list) => new Set(list).size === list.length, "Each event only once");

export const webhookCreate = z
  .object({
    url: webhookUrl,
    events,
    description: z.string().trim().max(200).optional(),
  })
  .strict();
export type WebhookCreate = z.infer<typeof webhookCreate>;

/** Any subset; `enabled: true` re-enables an endpoint the delivery policy switched off. */
export const webhookUpdate = z
  .object({
    url: webhookUrl.optional(),
    events: events.optional(),
    description: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "Change at least one field");
export type WebhookUpdate = z.infer<typeof webhookUpdate>;

export const webhookEndpoint = z.object({
  id: uuid,
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(webhookEventType),
  enabled: z.boolean(),
  /** Why the delivery policy disabled the endpoint; null while enabled or when an admin disabled it. */
  disabledReason: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

/** The create response: the only time the signing secret is shown. */
export const webhookEndpointWithSecret = webhookEndpoint.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecret>;

export const webhookEndpointList = z.object({ data: z.array(webhookEndpoint) });

export const webhookDeliveryStatuses = ["pending", "succeeded", "failed"] as const;
export const webhookDeliveryStatus = z.enum(webhookDeliveryStatuses);

export const webhookDelivery = z.object({
  id: uuid,
  endpointId: uuid,
  /** The event type, or `webhook.ping`. */
  event: z.string(),
  /** The JSON body sent: `{ type, timestamp, data }`. */
  payload: z.record(z.string(), z.unknown()),
  status: webhookDeliveryStatus,
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  /** The start of the last response body (truncated). */
  responseBody: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookDeliveryQuery = z.object({ status: webhookDeliveryStatus.optional(), ...pageQuery }).strict();
export type WebhookDeliveryQuery = z.input<typeof webhookDeliveryQuery>;
export type WebhookDeliveryFilters = z.output<typeof webhookDeliveryQuery>;
export const webhookDeliveryPage = listOf(webhookDelivery);

export const webhookDeliveryParams = z.object({ id: uuid, deliveryId: uuid });
