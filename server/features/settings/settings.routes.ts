import { cachePurge, cachePurgeResult, featureFlags, featureFlagsUpdate } from "@shared/contracts/settings";
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import type { SettingsService } from "./settings.service";

/** Runtime feature flags and the cache purge (issue 16 §4). */
export const settingsRoutes = routeTable<SettingsService>(
  {
    mount: "/api/v1",
    tag: { name: "Settings", description: "Runtime feature flags and cache purge." },
    schemas: { FeatureFlags: featureFlags, FeatureFlagsUpdate: featureFlagsUpdate, CachePurge: cachePurge, CachePurgeResult: cachePurgeResult },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "get",
      path: "/settings/flags",
      operationId: "getFeatureFlags",
      summary: "Read the feature flags",
      description:
        "Open to everyone (the storefront reads it to show the maintenance page); `lowStockThreshold` only for staff and admins. Answered during maintenance too.",
      access: "public",
      before: [(_req, res, next) => (res.set("Cache-Control", "no-store"), next())],
      responses: { 200: { description: "The flags.", schema: featureFlags } },
      handler: ({ user }, settings) => settings.visibleFlags(user),
    }),
    route({
      method: "patch",
      path: "/settings/flags",
      operationId: "updateFeatureFlags",
      summary: "Change feature flags",
      description:
        "Admins only, audited (`settings.flags_changed`). Any subset; every replica applies the change within a second (its cached copy is dropped by an event).",
      access: "admin",
      request: { body: featureFlagsUpdate },
      responses: { 200: { description: "Every flag after the change.", schema: featureFlags } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed"],
      handler: ({ user, body, req }, settings) => settings.updateFlags(user, body, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/cache/purge",
      operationId: "purgeCache",
      summary: "Empty the shared cache",
      description:
        "Admins only, audited (`cache.purged`). `namespace` (a name or prefix such as `catalog`) limits the purge; without it every namespace is emptied. The cache is shared through Redis, so every replica's next read goes to the database.",
      access: "admin",
      request: { body: cachePurge },
      responses: { 200: { description: "How many namespaces were emptied.", schema: cachePurgeResult } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed"],
      handler: ({ user, body, req }, settings) => settings.purgeCache(user, body.namespace, requestMeta(req)),
    }),
  ],
);
