import type { SQL } from "drizzle-orm";
import type { CreatedOrder, OrderStatus, ShippingAddress } from "@shared/contracts/orders";
import type { Db, TxScope } from "../../db";
import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import type { AuditService } from "../audit/audit.service";
import type { CatalogStock } from "../catalog/catalog.stock";
import type { PaymentsService } from "../payments/payments.service";
import type { OrdersRepo } from "./orders.repo";
import type { PricingConfig } from "./pricing";

/** A status an order reached (creation included, previousStatus null); `abandoned` marks the sweep's cancellation of a dead checkout, `payment_failed` a declined or failed charge. */
export interface OrderStatusChange {
  orderId: string;
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  reason?: "abandoned" | "payment_failed";
}

/**
 * The durable follow-up of a status change (the customer's mail, webhook events): written inside the order's
 * own transaction, so a rolled-back change announces nothing and a committed one always does (server/services.ts
 * wires the notifications feature's order.notify job). Absent: nothing follows (bench/jobs.ts's baseline, tests of the
 * checkout alone).
 */
export type NotifyStatusChange = (change: OrderStatusChange, tx: TxScope) => Promise<void>;
/** The same follow-up as SQL for checkout's single settle statement (ADR 075): written once per row of `from`. */
export type NotifyStatusChangeSql = (change: OrderStatusChange, from: SQL) => SQL;

/** What every order module works with: checkout, the lifecycle and the pending-order sweep alike. */
export interface OrdersCore {
  repo: OrdersRepo;
  /** For the accounts repo of orders (orders.accounts.repo.ts). */
  db: Db;
  stock: CatalogStock;
  audit: AuditService;
  payments: PaymentsService;
  events: EventBus;
  logger: Logger;
  notify?: NotifyStatusChange;
  /** Wired together with `notify` (both or neither). */
  notifySql?: NotifyStatusChangeSql;
}

export interface OrdersDeps extends OrdersCore {
  pricing: PricingConfig;
  /** Keys the Idempotency-Key fingerprint (an HMAC, so the stored value reveals nothing about the card number). */
  fingerprintKey: Buffer;
  /** Keys guest access tokens and guest Idempotency-Key scopes (issue 11). */
  guestAccessKey: Buffer;
  /** A signed-in buyer's saved address (accounts feature); undefined when it is not theirs. */
  savedAddress?: (userId: string, addressId: string) => Promise<ShippingAddress | undefined>;
  /** Enqueues the guest's confirmation mail in the transaction that marks the order paid. */
  guestOrderPaid?: (order: CreatedOrder, tx: TxScope) => Promise<void>;
  /** The users feature's lookup, so staff see who ordered by name and e-mail (users' table stays theirs). */
  findCustomer?: (userId: string) => Promise<{ id: string; name: string; email: string } | undefined>;
}
