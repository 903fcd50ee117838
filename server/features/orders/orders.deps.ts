import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import type { AuditService } from "../audit/audit.service";
import type { CatalogStock } from "../catalog/catalog.stock";
import type { PaymentsService } from "../payments/payments.service";
import type { OrdersRepo } from "./orders.repo";
import type { PricingConfig } from "./pricing";

/** What every order module works with: checkout, the lifecycle and the pending-order sweep alike. */
export interface OrdersCore {
  repo: OrdersRepo;
  stock: CatalogStock;
  audit: AuditService;
  payments: PaymentsService;
  events: EventBus;
  logger: Logger;
}

export interface OrdersDeps extends OrdersCore {
  pricing: PricingConfig;
  /** Keys the Idempotency-Key fingerprint (an HMAC, so the stored value reveals nothing about the card number). */
  fingerprintKey: Buffer;
}
