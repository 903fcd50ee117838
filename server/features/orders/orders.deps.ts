import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import type { AuditService } from "../audit/audit.service";
import type { CatalogStock } from "../catalog/catalog.stock";
import type { PaymentsService } from "../payments/payments.service";
import type { OrdersRepo } from "./orders.repo";
import type { PricingConfig } from "./pricing";

export interface OrdersDeps {
  repo: OrdersRepo;
  stock: CatalogStock;
  audit: AuditService;
  payments: PaymentsService;
  events: EventBus;
  logger: Logger;
  pricing: PricingConfig;
  /** Keys the Idempotency-Key fingerprint (an HMAC, so the stored value reveals nothing about the card number). */
  fingerprintKey: Buffer;
}
