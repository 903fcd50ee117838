import type { SQL } from "drizzle-orm";
import { getHeapStatistics } from "node:v8";
import type { AppContext } from "./context";
import type { TxScope } from "./db";
import { routedReads } from "./db/replica";
import type { OrderStatusChange } from "./features/orders/orders.deps";
import { createHealthService } from "./features/health/health.service";
import { createCatalogService } from "./features/catalog/catalog.service";
import { createCatalogRepo } from "./features/catalog/catalog.repo";
import { createAuditRepo } from "./features/audit/audit.repo";
import { createCache } from "./lib/cache";
import { createDataCipher, resolveDataKeys } from "./lib/data-cipher";
import { installFieldCipher } from "@shared/sealed-columns";
import { createAuditService } from "./features/audit/audit.service";
import { createUsersRepo } from "./features/users/users.repo";
import { createUsersService } from "./features/users/users.service";
import { createAccountSecurityRepo } from "./features/users/account-security.repo";
import { createAccountSecurity } from "./features/users/account-security.service";
import { createAuthRepo } from "./features/auth/auth.repo";
import { createAuthService } from "./features/auth/auth.service";
import { createTokenUsers, withTokenUserRevocation } from "./features/auth/token-users";
import { deriveKey, resolveSessionSecret } from "./features/auth/secret";
import { createSessionAuth } from "./features/auth/session";
import { createAccessGuards } from "./features/auth/guards";
import { createMfaService } from "./features/auth/mfa.service";
import { createAdminNetworkPolicy } from "./features/auth/admin-network";
import { createCatalogStock } from "./features/catalog/catalog.stock";
import type { OrdersCore } from "./features/orders/orders.deps";
import { createOrdersRepo } from "./features/orders/orders.repo";
import { createOrdersService } from "./features/orders/orders.service";
import { createPaymentsService } from "./features/payments/payments.service";
import { createTestCardProvider } from "./features/payments/test-card-provider";
import { createMetricsService } from "./features/metrics/metrics.service";
import { createJobsRepo } from "./features/jobs/jobs.repo";
import { createJobsService } from "./features/jobs/jobs.service";
import { createJobsAdmin } from "./features/jobs/jobs.admin";
import { registerAuthJobs } from "./features/auth/auth.jobs";
import { createPendingOrderReconciler, registerOrdersJobs } from "./features/orders/orders.reconcile";
import { createMailRepo } from "./features/mail/mail.repo";
import { createMailService, MAIL_PROPS_SEALED, registerMailJobs } from "./features/mail/mail.service";
import { createMailResealRepo } from "./features/mail/mail.reseal.repo";
import { createSmtpTransport } from "./features/mail/mail.transport";
import { createWebhooksRepo } from "./features/webhooks/webhooks.repo";
import { createWebhooksService, registerWebhookJobs } from "./features/webhooks/webhooks.service";
import { policyFromEnv } from "./features/webhooks/webhooks.policy";
import { createOrderNotifier, enqueueOrderNotify, orderNotifySql, registerOrderNotifyJob } from "./features/notifications/order-notify";
import { createWsTickets } from "./features/realtime/ws-tickets";
import { createUsersSelfRepo } from "./features/users/users.self.repo";
import { createUsersSelfService } from "./features/users/users.self";
import { createSignInsRepo } from "./features/auth/sign-ins.repo";
import { createSignIns } from "./features/auth/sign-ins";
import { createAccountsRepo } from "./features/accounts/accounts.repo";
import { createAccountsService, type AccountsService } from "./features/accounts/accounts.service";
import { registerAccountJobs } from "./features/accounts/account-links";
import { createMediaRepo } from "./features/media/media.repo";
import { createMediaService, registerMediaJobs, unbindStalePictures } from "./features/media/media.service";
import { registerResealJob, resealAll } from "./features/jobs/reseal-job";
import { createJobPayloadResealRepo } from "./features/jobs/jobs.reseal.repo";
import { createOrdersResealRepo } from "./features/orders/orders.reseal.repo";
import { createAddressesResealRepo } from "./features/accounts/addresses.reseal.repo";
import { createOrderMessagesResealRepo } from "./features/inbox/order-messages.reseal.repo";
import { createSettingsRepo } from "./features/settings/settings.repo";
import { createSettingsService } from "./features/settings/settings.service";
import { createInboxRepo } from "./features/inbox/inbox.repo";
import { createStaffAlerts, registerStaffAlertJobs, type StaffAlerts } from "./features/inbox/staff-alerts";
import { createOrderMessages, registerOrderMessageJobs } from "./features/inbox/order-messages";
import { guestAccessToken } from "./features/orders/orders.guest";

/** Wires repositories into services once per app instance. */
export function createServices(ctx: AppContext) {
  // Personal data columns seal and open through this cipher (issue 16 §5, ADR 058); installed before any repo runs.
  const dataCipher = createDataCipher(resolveDataKeys(ctx.env));
  installFieldCipher(dataCipher);
  // Durable work after a commit (ADR 022): features receive `jobs` to enqueue in their transactions and register handlers.
  const jobsRepo = createJobsRepo(ctx.db);
  // Staff notifications (issue 16) need mail and orders, built below; the hooks run only once work is flowing.
  const lateAlerts: { alerts?: StaffAlerts } = {};
  const jobs = createJobsService({
    onDeadLetter: (job) => lateAlerts.alerts?.jobDeadLettered(job),
    repo: jobsRepo,
    logger: ctx.logger,
    worker: { concurrency: ctx.env.JOBS_CONCURRENCY, pollMs: ctx.env.JOBS_POLL_MS, leaseSeconds: ctx.env.JOBS_LEASE_SECONDS },
    completedRetentionDays: ctx.env.JOBS_RETENTION_DAYS,
  });
  const audit = createAuditService(createAuditRepo(ctx.db));
  const adminNetwork = createAdminNetworkPolicy(ctx.env.ADMIN_ALLOWED_CIDRS);
  // Mail looks users up when a mail is sent, after every service exists (users is declared below).
  // Accounts (issue 11) needs users, orders and mail, which come later; the closures below run only on requests.
  const late: { accounts?: AccountsService } = {};
  const accountsReady = () => late.accounts!;
  const mail = createMailService({
    repo: createMailRepo(ctx.db),
    jobs,
    findUser: (id) => users.findById(id),
    transport: ctx.env.SMTP_URL ? createSmtpTransport(ctx.env.SMTP_URL, ctx.env.MAIL_FROM) : undefined,
    baseUrl: ctx.env.PUBLIC_BASE_URL,
    logger: ctx.logger,
  });
  const webhooks = createWebhooksService({
    repo: createWebhooksRepo(ctx.db),
    jobs,
    audit,
    policy: policyFromEnv(ctx.env),
    logger: ctx.logger,
    onEndpointDisabled: async (endpoint, tx) =>
      lateAlerts.alerts?.raise(
        {
          kind: "webhook.disabled",
          title: "A webhook endpoint was disabled",
          body: `${endpoint.url}: ${endpoint.reason}`.slice(0, 1_000),
          link: "/admin/webhooks",
          // One per endpoint and minute: concurrent failures that both cross the threshold ring once.
          dedupeKey: `webhook.disabled:${endpoint.id}:${new Date().toISOString().slice(0, 16)}`,
        },
        tx,
      ),
  });
  registerMailJobs(jobs, mail);
  registerWebhookJobs(jobs, webhooks, { logRetentionDays: ctx.env.WEBHOOK_LOG_RETENTION_DAYS, logger: ctx.logger });
  const usersRepo = createUsersRepo(ctx.db);
  const users = createUsersService(usersRepo, audit, ctx.events, {
    // The account's first mail (issue 11: confirm the address), in the registration's transaction.
    afterRegister: (user, tx) => accountsReady().sendVerification(user, tx),
  });
  const sessionSecret = resolveSessionSecret(ctx.env, ctx.logger);
  const authRepo = createAuthRepo(ctx.db);
  const tokenUsers = createTokenUsers(ctx.events);
  const security = withTokenUserRevocation(createAccountSecurity(createAccountSecurityRepo(ctx.db)), tokenUsers);
  const mfa = createMfaService({ security, users, audit, secretKey: deriveKey(sessionSecret, "mfa-secret-v1"), requiredRoles: ctx.env.MFA_REQUIRED_ROLES });
  const auth = createAuthService({ repo: authRepo, users, audit, security, mfa, accessTokenKey: deriveKey(sessionSecret, "access-token-v1"), tokenUsers });
  registerAuthJobs(jobs, { repo: authRepo, logger: ctx.logger });
  const cache =
    ctx.env.CACHE_TTL_SECONDS > 0 ? createCache(ctx.logger, ctx.redis, { ttlMs: ctx.env.CACHE_TTL_SECONDS * 1000, prefix: ctx.env.REDIS_PREFIX }) : undefined;
  const mediaRepo = createMediaRepo(ctx.db);
  const catalog = createCatalogService(createCatalogRepo(ctx.db, ctx.replica && routedReads(ctx.replica)), {
    audit,
    events: ctx.events,
    webhooks,
    cache,
    optionsChanged: unbindStalePictures(mediaRepo),
  });
  const ordersRepo = createOrdersRepo(ctx.db);
  const payments = createPaymentsService({ provider: createTestCardProvider(), logger: ctx.logger });
  const ordersCore: OrdersCore = {
    repo: ordersRepo,
    stock: createCatalogStock(ctx.db),
    audit,
    payments,
    events: ctx.events,
    logger: ctx.logger,
    db: ctx.db,
    // Every status change enqueues its mail + webhook job in its own transaction (outbox); see order-notify.ts.
    notify: (change: OrderStatusChange, tx: TxScope) => enqueueOrderNotify(jobs, change, tx),
    notifySql: (change: OrderStatusChange, from: SQL) => orderNotifySql(jobs, change, from),
  };
  const reconciler = createPendingOrderReconciler({ ...ordersCore, pendingTimeoutSeconds: ctx.env.PENDING_ORDER_TIMEOUT_SECONDS });
  registerOrdersJobs(jobs, { reconciler, repo: ordersRepo, logger: ctx.logger });
  const orders = createOrdersService({
    ...ordersCore,
    pricing: {
      taxRateBps: ctx.env.TAX_RATE_BPS,
      shippingFlatCents: ctx.env.SHIPPING_FLAT_CENTS,
      freeShippingThresholdCents: ctx.env.FREE_SHIPPING_THRESHOLD_CENTS,
    },
    fingerprintKey: deriveKey(sessionSecret, "idempotency-fingerprint-v1"),
    guestAccessKey: deriveKey(sessionSecret, "guest-order-access-v1"),
    savedAddress: (userId, addressId) => accountsReady().addressForCheckout(userId, addressId),
    guestOrderPaid: (order, tx) =>
      mail.enqueue(
        "guest-order-confirmation",
        { email: order.guestEmail! },
        { order: { ...order, guestAccessToken: order.guestAccessToken! } },
        {
          tx,
          // The same key as the account confirmation: whichever path enqueues first, the guest gets one mail.
          dedupeKey: `order-confirmation:${order.id}`,
        },
      ),
    findCustomer: (id) => users.findById(id),
  });
  const accounts = (late.accounts = createAccountsService({
    repo: createAccountsRepo(ctx.db),
    users: createUsersSelfService(usersRepo, createUsersSelfRepo(ctx.db), audit),
    mail,
    jobs,
    signIns: createSignIns(createSignInsRepo(ctx.db), security),
    orders: orders.accounts,
    audit,
  }));
  registerAccountJobs(jobs, accounts);
  const media = createMediaService({ repo: mediaRepo, catalog, audit, logger: ctx.logger });
  registerMediaJobs(jobs, media, ctx.logger);
  const resealBatches = [
    createOrdersResealRepo(ctx.db),
    createAddressesResealRepo(ctx.db),
    createOrderMessagesResealRepo(ctx.db),
    createMailResealRepo(ctx.db),
    createJobPayloadResealRepo(ctx.db, MAIL_PROPS_SEALED),
  ];
  registerResealJob(jobs, resealBatches, dataCipher, ctx.logger);
  const settings = createSettingsService({ repo: createSettingsRepo(ctx.db), audit, events: ctx.events, logger: ctx.logger, cache });
  const inboxRepo = createInboxRepo(ctx.db);
  const staffAlerts = (lateAlerts.alerts = createStaffAlerts({
    repo: inboxRepo,
    jobs,
    mail,
    events: ctx.events,
    logger: ctx.logger,
    stockOf: (ids) => ordersCore.stock.productTotals(ids),
    defaultLowStockThreshold: async () => (await settings.flags()).lowStockThreshold,
  }));
  registerStaffAlertJobs(jobs, staffAlerts);
  // Order changes commit their order.notify job (and so the staff notification) in the business transaction; the
  // event after the commit wakes every replica's worker, so the bell rings well within 1 s rather than a poll later.
  ctx.events.subscribe("order.status_changed", () => jobs.wake());
  const orderMessages = createOrderMessages({
    db: ctx.db,
    repo: inboxRepo,
    alerts: staffAlerts,
    jobs,
    mail,
    events: ctx.events,
    logger: ctx.logger,
    openOrder: (who, id) => orders.getForViewer(who.user, id, who.access),
    findOrder: (id) => orders.findById(id),
    guestOrderPath: (id) => `/orders/${id}?access=${guestAccessToken(deriveKey(sessionSecret, "guest-order-access-v1"), id)}`,
    unreadMailDelaySeconds: ctx.env.ORDER_MESSAGE_MAIL_DELAY_SECONDS,
  });
  registerOrderMessageJobs(jobs, orderMessages);
  registerOrderNotifyJob(
    jobs,
    createOrderNotifier({
      findOrder: (id) => orders.findById(id),
      findUser: (id) => users.findById(id),
      mail,
      webhooks,
      logger: ctx.logger,
      staffAlerts,
    }),
  );
  return {
    audit,
    /** ADMIN_ALLOWED_CIDRS (ADR 041): admin routes use it through accessGuards, the WebSocket server for staff channels. */
    adminNetwork,
    /** The route tables' access levels (route-tables.ts mounts every table with them). */
    accessGuards: createAccessGuards({ adminNetwork, audit }),
    users,
    auth,
    /** Rewrites personal data not sealed under `currentPrefix` (the data.reencrypt job's work, all of it at once). */
    resealPersonalData: (currentPrefix: string) => resealAll(resealBatches, currentPrefix),
    /** Runtime feature flags and the admin cache purge (issue 16 §4); the feature gates in app.ts read the flags. */
    settings,
    /** TOTP two-factor sign-in (issue 11 §5). */
    mfa,
    /** Account self-service (issue 11): password reset, e-mail verification, profile, addresses, export, deletion. */
    accounts,
    /** HTTP glue rather than a service: session cookies, passport and bearer identification (mounted in app.ts). */
    sessionAuth: createSessionAuth(ctx, auth, sessionSecret),
    /** Single-use tickets that open /ws without a bearer token in the URL (ADR 048). */
    wsTickets: createWsTickets({ key: deriveKey(sessionSecret, "ws-ticket-v1"), redis: ctx.redis, redisPrefix: ctx.env.REDIS_PREFIX, logger: ctx.logger }),
    health: createHealthService(ctx, () => getHeapStatistics().heap_size_limit),
    catalog,
    /** Product pictures (issue 12, ADR 052): uploads processed with sharp, renditions in PostgreSQL. */
    media,
    orders,
    /** E-mail: templates, the outbox and the mail.send job (ADR 024). */
    mail,
    /** Outgoing webhooks: endpoints, deliveries, dispatch(type, data, { tx, eventKey }) and the webhook.deliver job (ADR 025). */
    webhooks,
    /** Staff notifications (the console's bell) and order conversations (issue 16, ADRs 054–055). */
    inbox: { alerts: staffAlerts, messages: orderMessages },
    /** The job queue; its workers run in this process when JOBS_MODE=inline (index.ts) or in `npm run worker`. */
    jobs,
    /** Dead letters for admins (GET /jobs/failed, POST /jobs/:id/retry). */
    jobsAdmin: createJobsAdmin({ repo: jobsRepo, audit }),
    /** The dashboard's collector: request timing (app.ts), snapshots (realtime), GET /metrics and /metrics/summary. */
    metrics: createMetricsService({
      ctx,
      redisPrefix: ctx.env.REDIS_PREFIX,
      registrations: users,
      business: orders,
      cacheStats: () => catalog.cacheStats(),
      jobFigures: () => jobs.figures(),
    }),
  };
}
export type Services = ReturnType<typeof createServices>;
