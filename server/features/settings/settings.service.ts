import { featureFlagDefaults, type CachePurgeResult, type FeatureFlags, type FeatureFlagsUpdate } from "@shared/contracts/settings";
import { isStaff, type Role } from "@shared/contracts/auth";
import { AppError } from "../../lib/app-error";
import type { Cache } from "../../lib/cache";
import type { EventBus } from "../../lib/events";
import type { Logger } from "../../lib/logger";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { SettingsRepo } from "./settings.repo";

type Viewer = { id: string; email: string; role: Role } | undefined;

/**
 * How long a replica trusts its copy without hearing `settings.changed` (ADR 057). The event makes a change visible
 * everywhere within milliseconds; this bound only matters when an event is lost (Redis pub/sub is lossy).
 */
const FALLBACK_TTL_MS = 10_000;

function assertAdmin(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  if (viewer.role !== "admin") throw new AppError("forbidden", "Only admins can change settings.");
}

/** Stored values over the defaults; a stored value of the wrong type (hand-edited row) falls back to the default. */
function withDefaults(stored: Record<string, unknown>): FeatureFlags {
  const flags: Record<string, unknown> = { ...featureFlagDefaults };
  for (const [key, fallback] of Object.entries(featureFlagDefaults)) {
    if (typeof stored[key] === typeof fallback) flags[key] = stored[key];
  }
  return flags as FeatureFlags;
}

export interface SettingsDeps {
  repo: SettingsRepo;
  audit: AuditService;
  events: EventBus;
  logger: Logger;
  /** The shared read cache, when caching is on (CACHE_TTL_SECONDS > 0). */
  cache?: Cache;
}

/** Runtime feature flags (cached per replica, dropped on `settings.changed`) and the admin cache purge (issue 16 §4). */
export function createSettingsService({ repo, audit, events, logger, cache }: SettingsDeps) {
  let cached: { flags: Promise<FeatureFlags>; at: number } | undefined;
  let lastKnown: FeatureFlags = { ...featureFlagDefaults };
  events.subscribe("settings.changed", () => {
    cached = undefined;
  });

  /**
   * Fails open: with the database unreachable the last known flags (or the defaults) apply, so the gates never turn
   * a database outage into a different error than the one the route itself would give.
   */
  async function flags(): Promise<FeatureFlags> {
    if (!cached || Date.now() - cached.at > FALLBACK_TTL_MS) {
      const load = repo.readAll().then(
        (stored) => (lastKnown = withDefaults(stored)),
        (err: Error) => {
          cached = undefined; // not remembered: the next call tries again
          logger.warn({ err: err.message }, "feature flags unreadable; using the last known values");
          return lastKnown;
        },
      );
      cached = { flags: load, at: Date.now() };
    }
    return cached.flags;
  }

  return {
    /** Every flag, from this replica's copy (the feature gates ask on every request). */
    flags,

    /** What anyone may read: the low-stock threshold is for staff and admins. */
    async visibleFlags(viewer: Viewer): Promise<Partial<FeatureFlags>> {
      const { lowStockThreshold, ...open } = await flags();
      return isStaff(viewer?.role) ? { ...open, lowStockThreshold } : open;
    },

    async updateFlags(viewer: Viewer, patch: FeatureFlagsUpdate, meta: RequestMeta): Promise<FeatureFlags> {
      assertAdmin(viewer);
      const after = await repo.transaction(async (tx) => {
        const before = withDefaults(await repo.readAll(tx));
        const changes = Object.fromEntries(Object.entries(patch).filter(([k, v]) => before[k as keyof FeatureFlags] !== v));
        if (Object.keys(changes).length > 0) {
          await repo.write(changes, tx);
          const was = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof FeatureFlags]]));
          await audit.record({ actor: viewer, action: "settings.flags_changed", target: null, summary: { before: was, after: changes } }, meta, tx);
        }
        return { ...before, ...changes } as FeatureFlags;
      });
      cached = undefined;
      await events.publish("settings.changed", { by: viewer.id }).catch((err: Error) => logger.warn({ err: err.message }, "flag change not announced"));
      return after;
    },

    /** Empties the shared cache (one namespace prefix, or all of it); with Redis that is every replica's cache at once. */
    async purgeCache(viewer: Viewer, namespace: string | undefined, meta: RequestMeta): Promise<CachePurgeResult> {
      assertAdmin(viewer);
      const purged = cache ? await cache.purge(namespace) : 0;
      await audit.record({ actor: viewer, action: "cache.purged", target: null, summary: { namespace: namespace ?? null, purged } }, meta);
      return { namespace: namespace ?? null, purged };
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
