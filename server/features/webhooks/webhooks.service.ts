import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { ListOf } from "@shared/contracts/common";
import {
  WEBHOOK_PING,
  type WebhookCreate,
  type WebhookDelivery,
  type WebhookDeliveryFilters,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
  type WebhookEventType,
  type WebhookUpdate,
} from "@shared/contracts/webhooks";
import type { TxScope } from "../../db";
import { AppError, notFound } from "../../lib/app-error";
import type { Logger } from "../../lib/logger";
import { createdAtPage, decodeCreatedAtCursor } from "../../lib/timestamp-cursor";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { JobQueue } from "../jobs/jobs.types";
import { retryDelaySeconds, type DeliveryPolicy } from "./webhooks.policy";
import type { DeliveryRow, EndpointRow, WebhooksRepo } from "./webhooks.repo";
import { sendSigned, type AttemptResult } from "./webhooks.sender";
import { assertPublicHost, UnsafeTargetError } from "./webhooks.ssrf";

export const WEBHOOK_DELIVER = "webhook.deliver";
/** Housekeeping: finished deliveries past WEBHOOK_LOG_RETENTION_DAYS go. */
export const PRUNE_WEBHOOK_DELIVERIES = "webhooks.prune-deliveries";

/** The webhook.deliver job payload: which delivery, and which attempt this job is (a stale duplicate does nothing). */
const deliverPayload = z.object({ deliveryId: z.uuid(), attempt: z.number().int().min(1) });
export type DeliverPayload = z.infer<typeof deliverPayload>;

export interface WebhooksDeps {
  repo: WebhooksRepo;
  jobs: JobQueue;
  audit: AuditService;
  policy: DeliveryPolicy;
  logger: Logger;
  /** Called in the transaction that disables an endpoint after repeated failures (staff notifications, issue 16). */
  onEndpointDisabled?: (endpoint: { id: string; url: string; reason: string }, tx: TxScope) => Promise<void>;
}

export interface DispatchOptions {
  /** The business transaction: deliveries and their jobs commit or roll back with it. */
  tx?: TxScope;
  /** Names the business event (e.g. `order.paid:<orderId>`): dispatching it again adds no second delivery. */
  eventKey?: string;
}

type Viewer = { id: string; email: string; role: string } | undefined;
const LIST_SORT = "webhook-deliveries:newest";

function assertAdmin(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  if (viewer.role !== "admin") throw new AppError("forbidden", "Only admins can manage webhooks.");
}

const actorOf = (viewer: NonNullable<Viewer>) => ({ id: viewer.id, email: viewer.email });

/** `whsec_` + 32 random bytes in base64, the Standard Webhooks secret format. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

function toEndpointJson(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toDeliveryJson(row: DeliveryRow, createdAt = row.createdAt.toISOString()): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    event: row.eventType,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    responseBody: row.responseBody,
    durationMs: row.durationMs,
    error: row.error,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    createdAt,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const body = (type: string, data: unknown) => ({ type, timestamp: new Date().toISOString(), data });

/** Thrown inside the attempt's transaction when another run already recorded it: rolls the failure count back. */
class StaleAttempt extends Error {}

export function createWebhooksService(deps: WebhooksDeps) {
  const { repo, jobs, audit, policy, logger } = deps;

  async function assertSafeUrl(url: string): Promise<void> {
    if (policy.allowPrivateTargets) return;
    try {
      await assertPublicHost(new URL(url).hostname);
    } catch (err) {
      if (!(err instanceof UnsafeTargetError)) throw err;
      throw new AppError("validation_failed", "The webhook URL must point to a public address.", [{ path: "url", message: err.message }]);
    }
  }

  async function endpointOrThrow(id: string): Promise<EndpointRow> {
    const row = await repo.findEndpoint(id);
    if (!row) throw notFound("Webhook endpoint");
    return row;
  }

  const enqueueAttempt = (deliveryId: string, attempt: number, tx?: TxScope, delaySeconds?: number) =>
    jobs.enqueue<DeliverPayload>(WEBHOOK_DELIVER, { deliveryId, attempt }, { tx, dedupeKey: `webhook:${deliveryId}:${attempt}`, delaySeconds });

  /** Writes the outcome of one attempt; on failure counts it against the endpoint and schedules the next one. */
  async function recordOutcome(delivery: DeliveryRow, endpoint: EndpointRow, attempt: number, result: AttemptResult): Promise<void> {
    const outcome = {
      attempts: attempt,
      responseStatus: result.responseStatus,
      responseBody: result.responseBody,
      durationMs: result.durationMs,
      error: result.error,
    };
    await repo
      .transaction(async (tx) => {
        if (result.ok) {
          if (!(await repo.recordAttempt(delivery.id, attempt - 1, { ...outcome, status: "succeeded", nextAttemptAt: null }, tx))) throw new StaleAttempt();
          await repo.resetFailures(endpoint.id, tx);
          return;
        }
        const reason = `Disabled after ${policy.disableAfterFailures} failed attempts in a row; the last: ${result.error ?? "no response"} (${new Date().toISOString()}).`;
        const counted = await repo.countFailure(endpoint.id, policy.disableAfterFailures, reason, tx);
        const retry = attempt < policy.maxAttempts && counted?.enabled === true;
        const delay = retry ? retryDelaySeconds(attempt, policy.retryBaseSeconds) : 0;
        const nextAttemptAt = retry ? new Date(Date.now() + delay * 1000) : null;
        if (!(await repo.recordAttempt(delivery.id, attempt - 1, { ...outcome, status: retry ? "pending" : "failed", nextAttemptAt }, tx)))
          throw new StaleAttempt();
        if (retry) await enqueueAttempt(delivery.id, attempt + 1, tx, delay);
        if (counted && !counted.enabled && endpoint.enabled) {
          logger.warn({ endpointId: endpoint.id, url: endpoint.url }, "webhook endpoint disabled after repeated failures");
          await deps.onEndpointDisabled?.({ id: endpoint.id, url: endpoint.url, reason }, tx);
        }
      })
      .catch((err: unknown) => {
        if (!(err instanceof StaleAttempt)) throw err;
      });
  }

  return {
    async list(viewer: Viewer): Promise<{ data: WebhookEndpoint[] }> {
      assertAdmin(viewer);
      return { data: (await repo.listEndpoints()).map(toEndpointJson) };
    },

    /** The response is the only place the signing secret is ever shown. */
    async create(viewer: Viewer, input: WebhookCreate, meta: RequestMeta): Promise<WebhookEndpointWithSecret> {
      assertAdmin(viewer);
      await assertSafeUrl(input.url);
      const secret = newSecret();
      const row = await repo.insertEndpoint({ url: input.url, events: input.events, description: input.description || null, secret });
      await audit.record(
        { actor: actorOf(viewer), action: "webhook.created", target: { type: "webhook", id: row.id }, summary: { url: row.url, events: row.events } },
        meta,
      );
      return { ...toEndpointJson(row), secret };
    },

    /** `enabled: true` re-enables an endpoint and starts its failure count afresh. */
    async update(viewer: Viewer, id: string, patch: WebhookUpdate, meta: RequestMeta): Promise<WebhookEndpoint> {
      assertAdmin(viewer);
      const before = await endpointOrThrow(id);
      if (patch.url !== undefined) await assertSafeUrl(patch.url);
      const enabling = patch.enabled === true && !before.enabled;
      const row = await repo.updateEndpoint(id, {
        ...(patch.url !== undefined && { url: patch.url }),
        ...(patch.events !== undefined && { events: patch.events }),
        ...(patch.description !== undefined && { description: patch.description || null }),
        ...(patch.enabled !== undefined && { enabled: patch.enabled, disabledReason: null }),
        ...(enabling && { consecutiveFailures: 0 }),
      });
      if (!row) throw notFound("Webhook endpoint");
      await audit.record(
        {
          actor: actorOf(viewer),
          action: "webhook.updated",
          target: { type: "webhook", id },
          summary: {
            before: { url: before.url, events: before.events, enabled: before.enabled },
            after: { url: row.url, events: row.events, enabled: row.enabled },
          },
        },
        meta,
      );
      return toEndpointJson(row);
    },

    async remove(viewer: Viewer, id: string, meta: RequestMeta): Promise<void> {
      assertAdmin(viewer);
      const before = await endpointOrThrow(id);
      if (!(await repo.deleteEndpoint(id))) throw notFound("Webhook endpoint");
      await audit.record({ actor: actorOf(viewer), action: "webhook.deleted", target: { type: "webhook", id }, summary: { url: before.url } }, meta);
    },

    /** Queues a `webhook.ping` delivery to the endpoint (its result shows up in the deliveries list). */
    async ping(viewer: Viewer, id: string, meta: RequestMeta): Promise<WebhookDelivery> {
      assertAdmin(viewer);
      const endpoint = await endpointOrThrow(id);
      if (!endpoint.enabled) throw new AppError("conflict", "The endpoint is disabled; enable it before sending a ping.");
      const delivery = await repo.transaction(async (tx) => {
        const [row] = await repo.insertDeliveries([{ endpointId: id, eventType: WEBHOOK_PING, payload: body(WEBHOOK_PING, { endpointId: id }) }], tx);
        await enqueueAttempt(row!.id, 1, tx);
        return row!;
      });
      await audit.record({ actor: actorOf(viewer), action: "webhook.pinged", target: { type: "webhook", id } }, meta);
      return toDeliveryJson(delivery);
    },

    async listDeliveries(viewer: Viewer, endpointId: string, filters: WebhookDeliveryFilters): Promise<ListOf<WebhookDelivery>> {
      assertAdmin(viewer);
      await endpointOrThrow(endpointId);
      const rows = await repo.listDeliveries({
        endpointId,
        status: filters.status,
        after: decodeCreatedAtCursor(filters.cursor, LIST_SORT),
        limit: filters.limit,
      });
      return createdAtPage(rows, filters.limit, LIST_SORT, toDeliveryJson);
    },

    /** One more attempt of a finished delivery, now (same webhook-id, so receivers can tell it is a repeat). */
    async retryDelivery(viewer: Viewer, endpointId: string, deliveryId: string, meta: RequestMeta): Promise<WebhookDelivery> {
      assertAdmin(viewer);
      const endpoint = await endpointOrThrow(endpointId);
      const delivery = await repo.findDelivery(endpointId, deliveryId);
      if (!delivery) throw notFound("Delivery");
      if (!endpoint.enabled) throw new AppError("conflict", "The endpoint is disabled; enable it before retrying deliveries.");
      const reopened = await repo.transaction(async (tx) => {
        const row = await repo.reopenDelivery(deliveryId, tx);
        if (!row) throw new AppError("conflict", "This delivery is already waiting for its next attempt.");
        await enqueueAttempt(row.id, row.attempts + 1, tx);
        return row;
      });
      await audit.record(
        {
          actor: actorOf(viewer),
          action: "webhook.delivery_retried",
          target: { type: "webhook_delivery", id: deliveryId },
          summary: { endpointId, event: delivery.eventType },
        },
        meta,
      );
      return toDeliveryJson(reopened);
    },

    /**
     * Records `type` for every enabled endpoint subscribed to it and queues the deliveries, inside the caller's
     * transaction: a rolled-back business write announces nothing. Returns how many deliveries were queued.
     */
    async dispatch(type: WebhookEventType, data: unknown, options: DispatchOptions = {}): Promise<number> {
      const endpoints = await repo.subscribedEndpoints(type, options.tx);
      if (endpoints.length === 0) return 0;
      const payload = body(type, data);
      const rows = await repo.insertDeliveries(
        endpoints.map((e) => ({ endpointId: e.id, eventType: type, eventKey: options.eventKey ?? null, payload })),
        options.tx,
      );
      for (const row of rows) await enqueueAttempt(row.id, 1, options.tx);
      return rows.length;
    },

    /**
     * Which of `types` some enabled endpoint is subscribed to, in one query: a caller about to dispatch several
     * events (an order's status change: up to three) skips the ones nobody receives (ADR 081).
     */
    async subscribedAmong(types: WebhookEventType[], tx?: TxScope): Promise<Set<WebhookEventType>> {
      if (types.length === 0) return new Set();
      const subscribed = new Set((await repo.subscriptionsAmong(types, tx)).flatMap((e) => e.events));
      return new Set(types.filter((t) => subscribed.has(t)));
    },

    /** Whether any enabled endpoint is subscribed to `type` (bulk writers skip building payloads nobody receives). */
    async hasSubscribers(type: WebhookEventType, tx?: TxScope): Promise<boolean> {
      return (await repo.subscribedEndpoints(type, tx)).length > 0;
    },

    /** The webhook.deliver handler: one signed attempt and its consequences. */
    async deliver(rawPayload: unknown): Promise<void> {
      const { deliveryId, attempt } = deliverPayload.parse(rawPayload);
      const found = await repo.findDeliveryWithEndpoint(deliveryId);
      if (!found) return; // the endpoint was deleted with its deliveries
      const { delivery, endpoint } = found;
      if (delivery.status !== "pending" || delivery.attempts !== attempt - 1) return; // a duplicate or stale job
      if (!endpoint.enabled) {
        const record = {
          status: "failed" as const,
          attempts: delivery.attempts,
          responseStatus: null,
          responseBody: null,
          durationMs: null,
          nextAttemptAt: null,
          error: "Not sent: the endpoint is disabled. Retry after enabling it.",
        };
        await repo.recordAttempt(delivery.id, delivery.attempts, record);
        return;
      }
      const result = await sendSigned(
        { url: endpoint.url, secret: endpoint.secret, messageId: delivery.id, body: JSON.stringify(delivery.payload) },
        { allowPrivateTargets: policy.allowPrivateTargets },
      );
      await recordOutcome(delivery, endpoint, attempt, result);
    },

    /** Housekeeping (WEBHOOK_LOG_RETENTION_DAYS): deletes finished deliveries older than the retention. */
    pruneDeliveries(retentionDays: number, now = new Date()): Promise<number> {
      return repo.deleteFinishedBefore(new Date(now.getTime() - retentionDays * 86_400_000));
    },
  };
}
export type WebhooksService = ReturnType<typeof createWebhooksService>;

/**
 * Registers webhook.deliver and the hourly delivery-log pruning. HTTP failures are scheduled by the delivery
 * policy above (the handler returns normally); the queue's own retries only cover crashes and database errors.
 */
export function registerWebhookJobs(jobs: JobQueue, webhooks: WebhooksService, housekeeping: { logRetentionDays: number; logger: Logger }): void {
  jobs.register(WEBHOOK_DELIVER, (payload) => webhooks.deliver(payload), { retryLimit: 5, retryDelaySeconds: 30, timeoutSeconds: 30 });
  jobs.register(
    PRUNE_WEBHOOK_DELIVERIES,
    async () => {
      const pruned = await webhooks.pruneDeliveries(housekeeping.logRetentionDays);
      if (pruned) housekeeping.logger.info({ pruned, retentionDays: housekeeping.logRetentionDays }, "pruned webhook deliveries");
    },
    { everySeconds: 3_600 },
  );
}
