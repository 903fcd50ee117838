import type { Router } from "express";
import type { AppContext } from "./context";
import type { Services } from "./services";
import { mountRouteTable, type RouteTable } from "./lib/route-table";
import { healthRoutes } from "./features/health/health.routes";
import { authRoutes } from "./features/auth/auth.routes";
import { mfaRoutes } from "./features/auth/mfa.routes";
import { usersRoutes } from "./features/users/users.routes";
import { auditRoutes } from "./features/audit/audit.routes";
import { catalogRoutes } from "./features/catalog/catalog.routes";
import { searchRoutes } from "./features/catalog/search.routes";
import { ordersRoutes } from "./features/orders/orders.routes";
import { metricsRoutes, prometheusRoutes } from "./features/metrics/metrics.routes";
import { jobsRoutes } from "./features/jobs/jobs.routes";
import { mailRoutes } from "./features/mail/mail.routes";
import { webhooksRoutes } from "./features/webhooks/webhooks.routes";
import { realtimeRoutes } from "./features/realtime/realtime.routes";
import { accountsRoutes } from "./features/accounts/accounts.routes";
import { mediaFileRoutes, mediaRoutes } from "./features/media/media.routes";
import { settingsRoutes } from "./features/settings/settings.routes";
import { inboxRoutes } from "./features/inbox/inbox.routes";

/** A route table with the way to get its handlers' dependencies from the app's services. */
export interface BoundTable {
  table: RouteTable<never>;
  mount: (services: Services, ctx: AppContext) => Router;
}

const bind = <D>(table: RouteTable<D>, deps: (services: Services, ctx: AppContext) => D): BoundTable => ({
  table: table as RouteTable<never>,
  mount: (services, ctx) => mountRouteTable(table, deps(services, ctx), services.accessGuards),
});

/** Kubernetes probes at /api/health (mounted before sessions and rate limits). */
export const healthTable = bind(healthRoutes, (s) => s.health);
/** Prometheus scrapes at /metrics (no session, no rate limit). */
export const prometheusTable = bind(prometheusRoutes, (s, ctx) => ({ metrics: s.metrics, token: ctx.env.METRICS_TOKEN }));
/** Picture renditions at /media (no session, no rate limit: a page shows dozens, and they are immutable). */
export const mediaFilesTable = bind(mediaFileRoutes, (s) => s.media);
/** Every /api/v1 table, in mount order. */
export const apiV1Tables: readonly BoundTable[] = [
  bind(authRoutes, (s) => ({ auth: s.auth, sessions: s.sessionAuth, mfa: s.mfa })),
  bind(mfaRoutes, (s) => ({ mfa: s.mfa, sessions: s.sessionAuth })),
  bind(accountsRoutes, (s) => ({ accounts: s.accounts, sessions: s.sessionAuth })),
  bind(usersRoutes, (s) => s.users),
  bind(auditRoutes, (s) => s.audit),
  bind(catalogRoutes, (s) => s.catalog),
  bind(searchRoutes, (s) => s.catalog),
  bind(mediaRoutes, (s) => s.media),
  bind(ordersRoutes, (s) => s.orders),
  bind(inboxRoutes, (s) => s.inbox),
  bind(metricsRoutes, (s) => s.metrics),
  bind(jobsRoutes, (s) => s.jobsAdmin),
  bind(mailRoutes, (s) => s.mail),
  bind(webhooksRoutes, (s) => s.webhooks),
  bind(realtimeRoutes, (s) => s.wsTickets),
  bind(settingsRoutes, (s) => s.settings),
];

/** Every table, in the order the OpenAPI document lists its tags. */
export const routeTables: ReadonlyArray<RouteTable<never>> = [healthTable, ...apiV1Tables, mediaFilesTable, prometheusTable].map((bound) => bound.table);
