import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { User } from "@shared/contracts/auth";
import type { CatalogChangedData } from "@shared/realtime";
import { catalogKeys } from "@client/features/catalog/api/catalog-keys";
import { catalogAdminKeys } from "@client/features/catalog-admin/api/keys";
import { orderKeys } from "@client/features/orders/api/orders";
import { dispatchMessage } from "@client/features/realtime/handlers";
import { realtimeHandlers } from "./realtime-handlers";

const ORDER_ID = "6f1c1e5e-8f3a-4c1e-9a57-2d6b2b7f0a11";
const ADMIN: User = {
  id: "0b6f4a52-8a4c-4d7e-9a51-2f1d3c4b5a60",
  email: "admin@example.com",
  name: "Ada",
  role: "admin",
  emailVerified: true,
  version: 1,
  createdAt: "2026-03-04T10:00:00.000Z",
};

/** A client whose queries never really fetch (invalidation would call these). */
function newClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, queryFn: () => new Promise(() => {}) } } });
}

/** A `catalog.changed` message dispatched to every feature's handler, as the realtime bridge does. */
function applyCatalogChanged(queryClient: QueryClient, data: CatalogChangedData): void {
  dispatchMessage(realtimeHandlers, { type: "catalog.changed", data }, { queryClient, user: ADMIN, toast: () => {} });
}

describe("applyCatalogChanged", () => {
  it("when a product changes, then storefront and admin product queries are invalidated (and the counts on brands), not unrelated ones", () => {
    const queryClient = newClient();
    const keys = {
      product: catalogKeys.product("apple"),
      brands: catalogKeys.brandList({}),
      adminProducts: catalogAdminKeys.productPages({}, 20),
      orders: orderKeys.detail(ORDER_ID),
    };
    for (const key of Object.values(keys)) queryClient.setQueryData(key, { any: true });
    applyCatalogChanged(queryClient, { entity: "product", id: "p1" });
    const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)!.isInvalidated;
    expect(invalidated(keys.product)).toBe(true);
    expect(invalidated(keys.brands)).toBe(true);
    expect(invalidated(keys.adminProducts)).toBe(true);
    expect(invalidated(keys.orders)).toBe(false);
  });
});
