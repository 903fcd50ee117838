import { queryOptions } from "@tanstack/react-query";
import type { ProductList } from "@shared/contracts/catalog";
import type { ListOf } from "@shared/contracts/common";
import type { MetricsSummary } from "@shared/contracts/metrics";
import type { Order } from "@shared/contracts/orders";
import { api } from "@client/lib/api";
import { dashboardKeys } from "./dashboard";

/** Counted up to this many; more reads "100+" (the list endpoint pages, it does not count). */
export const TO_SHIP_CAP = 100;

export interface AdminFigures {
  /** Paid orders waiting to be shipped, up to TO_SHIP_CAP. */
  toShip: number;
  toShipMore: boolean;
  /** Active products with no stock left. */
  outOfStock: number;
  revenueTodayCents: number;
  ordersToday: number;
  registrationsToday: number;
}

/**
 * The admin home's figures, from the endpoints the console already uses (no endpoint of its own): the orders
 * list filtered to `paid`, the product list's facets (all active products minus those in stock) and the
 * dashboard's business figures for today.
 */
export const adminFiguresOptions = () =>
  queryOptions({
    queryKey: [...dashboardKeys.all, "admin-figures"] as const,
    queryFn: async ({ signal }): Promise<AdminFigures> => {
      const [paid, products, summary] = await Promise.all([
        api.get<ListOf<Order>>("/api/v1/orders", { status: "paid", limit: TO_SHIP_CAP }, signal),
        api.get<ProductList>("/api/v1/products", { status: "active", facets: true, limit: 1 }, signal),
        api.get<MetricsSummary>("/api/v1/metrics/summary", undefined, signal),
      ]);
      const facets = products.facets;
      const active = facets ? facets.sectors.reduce((sum, s) => sum + s.count, 0) : 0;
      const business = summary.now.business;
      return {
        toShip: paid.data.length,
        toShipMore: paid.pagination.hasMore,
        outOfStock: facets ? Math.max(0, active - facets.inStock) : 0,
        revenueTodayCents: business.revenueTodayCents,
        ordersToday: business.ordersToday,
        registrationsToday: business.registrationsToday,
      };
    },
    staleTime: 30_000,
  });
