import { z } from "zod";

/**
 * Runtime feature flags (issue 16 §4): changed by admins without a deploy, seen by every replica within a second.
 * Defaults apply until an admin sets a flag, so a fresh database behaves as the shop always did.
 */
export const featureFlagDefaults = {
  guestCheckout: true,
  registrationOpen: true,
  maintenanceMode: false,
  lowStockThreshold: 5,
} as const;

export const featureFlags = z.object({
  /** Shoppers may check out without an account. */
  guestCheckout: z.boolean(),
  /** New customer accounts may be registered. */
  registrationOpen: z.boolean(),
  /** The storefront shows a maintenance page; only admins use the API (health stays green). */
  maintenanceMode: z.boolean(),
  /** Stock at or below this counts as low (staff notifications); staff and admins only. */
  lowStockThreshold: z.number().int().min(0).max(100_000).optional(),
});
export type FeatureFlags = Required<z.infer<typeof featureFlags>>;
export type FeatureFlagName = keyof FeatureFlags;

/** Admin change: any subset; unknown flags are a 400. */
export const featureFlagsUpdate = z
  .object({
    guestCheckout: z.boolean().optional(),
    registrationOpen: z.boolean().optional(),
    maintenanceMode: z.boolean().optional(),
    lowStockThreshold: z.number().int().min(0).max(100_000).optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: "Change at least one flag" });
export type FeatureFlagsUpdate = z.infer<typeof featureFlagsUpdate>;

/** `POST /cache/purge`: one namespace (its name or a prefix, e.g. `catalog`), or everything when left out. */
export const cachePurge = z
  .object({
    namespace: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9:_-]+$/, "Lowercase letters, digits, : _ -")
      .optional(),
  })
  .strict();
export type CachePurge = z.infer<typeof cachePurge>;
export const cachePurgeResult = z.object({ namespace: z.string().nullable(), purged: z.number().int() });
export type CachePurgeResult = z.infer<typeof cachePurgeResult>;
