import { getHeapStatistics } from "node:v8";
import type { AppContext } from "./context";
import { createHealthService } from "./features/health/health.service";
import { createCatalogService } from "./features/catalog/catalog.service";
import { createCatalogRepo } from "./features/catalog/catalog.repo";
import { createAuditRepo } from "./features/audit/audit.repo";
import { createAuditService } from "./features/audit/audit.service";
import { createUsersRepo } from "./features/users/users.repo";
import { createUsersService } from "./features/users/users.service";
import { createAuthRepo } from "./features/auth/auth.repo";
import { createAuthService } from "./features/auth/auth.service";
import { deriveKey, resolveSessionSecret } from "./features/auth/secret";
import { createSessionAuth } from "./features/auth/session";

/** Wires repositories into services once per app instance. */
export function createServices(ctx: AppContext) {
  const audit = createAuditService(createAuditRepo(ctx.db));
  const users = createUsersService(createUsersRepo(ctx.db), audit);
  const sessionSecret = resolveSessionSecret(ctx.env, ctx.logger);
  const auth = createAuthService({ repo: createAuthRepo(ctx.db), users, audit, accessTokenKey: deriveKey(sessionSecret, "access-token-v1") });
  return {
    audit,
    users,
    auth,
    /** HTTP glue rather than a service: session cookies, passport and bearer identification (mounted in app.ts). */
    sessionAuth: createSessionAuth(ctx, auth, sessionSecret),
    health: createHealthService(ctx, () => getHeapStatistics().heap_size_limit),
    catalog: createCatalogService(createCatalogRepo(ctx.db)),
  };
}
export type Services = ReturnType<typeof createServices>;
