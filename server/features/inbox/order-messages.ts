import { z } from "zod";
import { isStaff } from "@shared/contracts/auth";
import { ORDER_MESSAGES_PER_MINUTE, type OrderMessage, type OrderMessageList, type OrderMessageSide, type OrderMessagesRead } from "@shared/contracts/inbox";
import type { Order } from "@shared/contracts/orders";
import { runInTransaction, type Db } from "../../db";
import { AppError } from "../../lib/app-error";
import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import type { JobQueue } from "../jobs/jobs.types";
import type { MailService } from "../mail/mail.service";
import type { InboxRepo, OrderMessageRow } from "./inbox.repo";
import type { StaffAlerts } from "./staff-alerts";

export const ORDER_MESSAGE_UNREAD = "order-message.unread-mail";
const unreadPayload = z.object({ messageId: z.uuid() });

/** Who is writing: a signed-in user, or a guest holding the order's access token (ADR 055). */
export interface Correspondent {
  user?: { id: string; email: string; name: string; role: Express.User["role"] };
  access?: string;
}

const toJson = (row: OrderMessageRow): OrderMessage => ({
  id: row.id,
  orderId: row.orderId,
  authorSide: row.authorSide,
  authorName: row.authorName,
  body: row.body,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export interface OrderMessagesDeps {
  db: Db;
  repo: InboxRepo;
  alerts: StaffAlerts;
  jobs: JobQueue;
  mail: MailService;
  events: EventBus;
  logger: Logger;
  /** The order if this correspondent may see it (owner, staff, or the guest's token); throws 404/401 otherwise. */
  openOrder: (who: Correspondent, orderId: string) => Promise<Order>;
  /** The order as the system sees it (the unread-mail job). */
  findOrder: (orderId: string) => Promise<Order | undefined>;
  /** The link a guest follows to open their order (carries the access token). */
  guestOrderPath: (orderId: string) => string;
  /** How long a message may stay unread before the other side gets an e-mail ("offline"). */
  unreadMailDelaySeconds: number;
}

/**
 * Order conversations (issue 16 §2, ADR 055): the owner (or the guest with the order's token) and staff write
 * on an order; each message is stored, pushed live on `orders`, and e-mailed to the other side when still unread
 * after `unreadMailDelaySeconds` (nobody on that side had the thread open: "offline").
 */
export function createOrderMessages(deps: OrderMessagesDeps) {
  const { repo, events } = deps;
  const sideOf = (who: Correspondent): OrderMessageSide => (who.user && isStaff(who.user.role) ? "staff" : "customer");

  async function markRead(order: Order, side: OrderMessageSide): Promise<OrderMessagesRead | undefined> {
    const { count, readAt } = await repo.markThreadRead(order.id, side);
    if (!count || !readAt) return undefined;
    const read = { orderId: order.id, readerSide: side, readAt: readAt.toISOString(), count };
    await events.publish("order.messages_read", { ownerId: order.userId, read });
    return read;
  }

  return {
    /** The thread, oldest first. Opening it reads it: the other side's messages get their read receipt. */
    async list(who: Correspondent, orderId: string): Promise<OrderMessageList> {
      const order = await deps.openOrder(who, orderId);
      await markRead(order, sideOf(who));
      return { data: (await repo.thread(order.id)).map(toJson) };
    },

    /** POST …/messages/read: the thread is on screen while a message arrives live. */
    async read(who: Correspondent, orderId: string): Promise<OrderMessagesRead> {
      const order = await deps.openOrder(who, orderId);
      const side = sideOf(who);
      return (await markRead(order, side)) ?? { orderId: order.id, readerSide: side, readAt: new Date().toISOString(), count: 0 };
    },

    async post(who: Correspondent, orderId: string, body: string): Promise<OrderMessage> {
      const order = await deps.openOrder(who, orderId);
      const side = sideOf(who);
      const authorId = who.user?.id ?? null;
      // Counted in the database, so the limit holds across replicas without Redis.
      if ((await repo.recentCount(order.id, authorId)) >= ORDER_MESSAGES_PER_MINUTE) {
        throw new AppError("rate_limited", `At most ${ORDER_MESSAGES_PER_MINUTE} messages a minute; wait a moment.`, undefined, { "Retry-After": "60" });
      }
      const authorName = who.user?.name ?? order.shippingAddress.name;
      const row = await runInTransaction(deps.db, async (tx) => {
        const inserted = await repo.insertMessage({ orderId: order.id, authorId, authorSide: side, authorName, body }, tx);
        await deps.jobs.enqueue(
          ORDER_MESSAGE_UNREAD,
          { messageId: inserted.id },
          { tx, delaySeconds: deps.unreadMailDelaySeconds, dedupeKey: `order-message:${inserted.id}` },
        );
        if (side === "customer") {
          await deps.alerts.raise(
            {
              kind: "message.new",
              title: `${authorName} wrote about order ${order.number}`,
              // No excerpt: notifications are stored in clear, the message is sealed at rest (ADR 074).
              body: "Open the order to read the message and reply.",
              link: `/admin/orders/${order.id}`,
              dedupeKey: `message.new:${inserted.id}`,
            },
            tx,
          );
        }
        return inserted;
      });
      const message = toJson(row);
      await events.publish("order.message", { ownerId: order.userId, message });
      return message;
    },

    /** The unread-mail job: the message is still unread, so its reader side was away; mail them. */
    async mailIfUnread(rawPayload: unknown): Promise<void> {
      const { messageId } = unreadPayload.parse(rawPayload);
      const message = await repo.findMessage(messageId);
      if (!message || message.readAt) return;
      const order = await deps.findOrder(message.orderId);
      if (!order) return;
      const props = { orderNumber: order.number, authorName: message.authorName, body: message.body };
      if (message.authorSide === "staff") {
        const to = order.userId ? { userId: order.userId } : order.guestEmail ? { email: order.guestEmail } : undefined;
        if (!to) return;
        const link = order.userId ? `/orders/${order.id}` : deps.guestOrderPath(order.id);
        await deps.mail.enqueue("order-message", to, { ...props, link }, { dedupeKey: `order-message:${message.id}` });
        return;
      }
      for (const userId of await repo.emailRecipients("message.new", ["staff", "admin"])) {
        await deps.mail.enqueue(
          "order-message",
          { userId },
          { ...props, link: `/admin/orders/${order.id}` },
          { dedupeKey: `order-message:${message.id}:${userId}` },
        );
      }
    },
  };
}
export type OrderMessages = ReturnType<typeof createOrderMessages>;

export function registerOrderMessageJobs(jobs: JobQueue, messages: OrderMessages): void {
  jobs.register(ORDER_MESSAGE_UNREAD, (payload) => messages.mailIfUnread(payload), { retryLimit: 5, retryDelaySeconds: 30, timeoutSeconds: 30 });
}
