import type { CreatedOrder, ShippingAddress } from "@shared/contracts/orders";
import type { Db, TxScope } from "../../db";
import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import type { AuditService } from "../audit/audit.service";
import type { CatalogStock } from "../catalog/catalog.stock";
import type { PaymentsService } from "../payments/payments.service";
import type { OrdersRepo } from "./orders.repo";
import type { PricingConfig } from "./pricing";

export interface OrdersDeps {
  repo: OrdersRepo;
  /** For the accounts repo of orders (orders.accounts.repo.ts). */
  db: Db;
  stock: CatalogStock;
  audit: AuditService;
  payments: PaymentsService;
  events: EventBus;
  logger: Logger;
  pricing: PricingConfig;
  /** Keys the Idempotency-Key fingerprint (an HMAC, so the stored value reveals nothing about the card number). */
  fingerprintKey: Buffer;
  /** Keys guest access tokens and guest Idempotency-Key scopes (issue 11). */
  guestAccessKey: Buffer;
  /** A signed-in buyer's saved address (accounts feature); undefined when it is not theirs. */
  savedAddress?: (userId: string, addressId: string) => Promise<ShippingAddress | undefined>;
  /** Enqueues the guest's confirmation mail in the transaction that marks the order paid. */
  guestOrderPaid?: (order: CreatedOrder, tx: TxScope) => Promise<void>;
}
