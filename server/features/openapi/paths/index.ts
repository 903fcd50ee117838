import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import * as audit from "./audit";
import * as auth from "./auth";
import * as catalog from "./catalog";
import * as health from "./health";
import * as orders from "./orders";
import * as metrics from "./metrics";
import * as users from "./users";

/**
 * One entry per feature. To document a feature, add paths/<feature>.ts exporting
 * `tag` and `register(registry)`, and list it here; the coverage test fails until every mounted route is documented.
 */
export interface FeaturePaths {
  /** The tag the feature's operations use, with the description shown in the docs. */
  tag: { name: string; description: string };
  register: (registry: OpenAPIRegistry) => void;
}

export const pathRegistrations: readonly FeaturePaths[] = [health, auth, users, audit, catalog, orders, metrics];
