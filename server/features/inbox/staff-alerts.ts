import { z } from "zod";
import { isStaff, type Role } from "@shared/contracts/auth";
import {
  ADMIN_ONLY_ALERT_KINDS,
  staffAlertKind,
  staffAlertKinds,
  type NotificationList,
  type NotificationListQuery,
  type NotificationPreferences,
  type StaffAlertKind,
  type StaffNotification,
} from "@shared/contracts/inbox";
import type { TxScope } from "../../db";
import { AppError, notFound } from "../../lib/app-error";
import type { ActingUser } from "../../lib/acting-user";
import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import { createdAtPage, decodeCreatedAtCursor } from "../../lib/timestamp-cursor";
import type { JobQueue } from "../jobs/jobs.types";
import type { MailService } from "../mail/mail.service";
import type { InboxRepo, NotificationRecord } from "./inbox.repo";

export const STAFF_ALERT = "staff-alert.deliver";

/** One event worth telling staff about; `dedupeKey` names the event so it reaches each recipient once. */
export const staffAlert = z.object({
  kind: staffAlertKind,
  title: z.string().max(200),
  body: z.string().max(1_000),
  link: z.string().max(300).nullable(),
  dedupeKey: z.string().max(300),
});
export type StaffAlert = z.infer<typeof staffAlert>;

const STAFF_ROLES: readonly Role[] = ["staff", "admin"];
const rolesFor = (kind: StaffAlertKind): readonly Role[] => (ADMIN_ONLY_ALERT_KINDS.includes(kind) ? ["admin"] : STAFF_ROLES);

const toJson = (row: NotificationRecord): StaffNotification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  readAt: row.readAt,
  createdAt: row.createdAt,
});

function assertStaff(viewer: ActingUser) {
  if (!isStaff(viewer.role)) throw new AppError("forbidden", "Notifications are for staff and admins.");
}

export interface StaffAlertsDeps {
  repo: InboxRepo;
  jobs: JobQueue;
  mail: MailService;
  events: EventBus;
  logger: Logger;
  /** Current stock of products (catalog), for the low-stock check after a sale. */
  stockOf: (productIds: string[]) => Promise<Array<{ id: string; name: string; stock: number }>>;
  /** The threshold of products without their own: the runtime flag `lowStockThreshold` (issue 16 §4, ADR 057). */
  defaultLowStockThreshold: () => Promise<number>;
}

/**
 * Staff notifications (issue 16 §1, ADR 054). Producers call `raise` inside their own transaction (outbox), or
 * `deliver` from a job that already runs after the commit; delivery writes one row per recipient that wants the
 * kind, pushes each live on the `notifications` channel and enqueues the e-mails the recipients asked for.
 */
export function createStaffAlerts(deps: StaffAlertsDeps) {
  const { repo, jobs, mail, events, logger } = deps;

  async function deliver(alert: StaffAlert): Promise<number> {
    const rows = await repo.fanOut(alert, rolesFor(alert.kind));
    if (!rows.length) return 0;
    await events.publish("staff.notifications", { items: rows.map((row) => ({ recipientId: row.recipientId, notification: toJson(row) })) });
    // Customer messages are e-mailed only when still unread a while later (order-messages.ts): "when offline".
    if (alert.kind !== "message.new") {
      for (const row of rows.filter((r) => r.emailed)) {
        await mail.enqueue(
          "staff-alert",
          { userId: row.recipientId },
          { title: alert.title, body: alert.body, link: alert.link },
          { dedupeKey: `staff-alert:${row.id}` },
        );
      }
    }
    return rows.length;
  }

  return {
    /** The outbox write: the alert is delivered after `tx` commits (or never, if it rolls back). */
    raise(alert: StaffAlert, tx?: TxScope): Promise<void> {
      return jobs.enqueue(STAFF_ALERT, alert, { tx, dedupeKey: `staff-alert:${alert.dedupeKey}` });
    },

    deliver,

    /**
     * After a paid order: a `stock.low` alert for each product left at or below its threshold. One per product
     * per UTC day (the dedupe key), so a run of sales of a scarce product does not ring the bell each time.
     */
    async checkLowStock(productIds: string[]): Promise<void> {
      const [products, thresholds, fallback] = await Promise.all([deps.stockOf(productIds), repo.thresholds(productIds), deps.defaultLowStockThreshold()]);
      const day = new Date().toISOString().slice(0, 10);
      for (const product of products) {
        const threshold = thresholds.get(product.id) ?? fallback;
        if (product.stock > threshold) continue;
        await deliver({
          kind: "stock.low",
          title: product.stock === 0 ? `${product.name} is sold out` : `${product.name} is low on stock`,
          body: `${product.stock} left (threshold ${threshold}).`,
          // The admin product list filtered to it (staff, who cannot edit products, see the text only).
          link: `/admin/catalog/products?q=${encodeURIComponent(product.name)}`,
          dedupeKey: `stock.low:${product.id}:${day}`,
        });
      }
    },

    /** A job was dead-lettered; staff-alert jobs themselves are not reported (a failing fan-out would loop). */
    jobDeadLettered(job: { id: string; kind: string; lastError: string }): void {
      if (job.kind === STAFF_ALERT) return;
      this.raise({
        kind: "job.dead",
        title: `Background job ${job.kind} failed for good`,
        body: job.lastError.slice(0, 500),
        link: "/admin/jobs",
        dedupeKey: `job.dead:${job.id}`,
      }).catch((err: Error) => logger.warn({ jobId: job.id, err: err.message }, "could not raise the dead-letter notification"));
    },

    async list(viewer: ActingUser, query: NotificationListQuery): Promise<NotificationList> {
      assertStaff(viewer);
      const after = decodeCreatedAtCursor(query.cursor, "notifications");
      const [rows, unreadCount] = await Promise.all([
        repo.list(viewer.id, { unreadOnly: query.unread === "true", after, limit: query.limit }),
        repo.unreadCount(viewer.id),
      ]);
      const page = createdAtPage(
        rows.map((row) => ({ row, createdAtText: row.createdAt })),
        query.limit,
        "notifications",
        (row) => toJson(row),
      );
      return { ...page, unreadCount };
    },

    async markRead(viewer: ActingUser, id: string): Promise<StaffNotification> {
      assertStaff(viewer);
      const row = await repo.markRead(viewer.id, id);
      if (!row) throw notFound("Notification");
      return toJson(row);
    },

    async markAllRead(viewer: ActingUser): Promise<{ unreadCount: number }> {
      assertStaff(viewer);
      await repo.markAllRead(viewer.id);
      return { unreadCount: 0 };
    },

    async preferences(viewer: ActingUser): Promise<NotificationPreferences> {
      assertStaff(viewer);
      const saved = await repo.preferences(viewer.id);
      const muted = new Set(saved?.muted ?? []);
      return { inApp: staffAlertKinds.filter((k) => !muted.has(k)), email: staffAlertKinds.filter((k) => saved?.emailed.includes(k)) };
    },

    async savePreferences(viewer: ActingUser, prefs: NotificationPreferences): Promise<NotificationPreferences> {
      assertStaff(viewer);
      const inApp = new Set(prefs.inApp);
      const email = prefs.email.filter((k) => inApp.has(k));
      await repo.savePreferences(
        viewer.id,
        staffAlertKinds.filter((k) => !inApp.has(k)),
        email,
      );
      return { inApp: staffAlertKinds.filter((k) => inApp.has(k)), email: staffAlertKinds.filter((k) => email.includes(k)) };
    },

    async setLowStockThreshold(viewer: ActingUser, productId: string, threshold: number): Promise<{ productId: string; threshold: number }> {
      if (viewer.role !== "admin") throw new AppError("forbidden", "Only admins set stock thresholds.");
      if (!(await deps.stockOf([productId])).length) throw notFound("Product");
      await repo.saveThreshold(productId, threshold);
      return { productId, threshold };
    },
  };
}
export type StaffAlerts = ReturnType<typeof createStaffAlerts>;

export function registerStaffAlertJobs(jobs: JobQueue, alerts: StaffAlerts): void {
  jobs.register(STAFF_ALERT, async (payload) => void (await alerts.deliver(staffAlert.parse(payload))), {
    retryLimit: 5,
    retryDelaySeconds: 10,
    timeoutSeconds: 30,
    priority: "urgent", // a bell rings when it happens, not after the mail backlog (ADR 085)
  });
}
