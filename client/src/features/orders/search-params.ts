import { orderListQuery } from "@shared/contracts/orders";
import { toQueryString } from "@client/lib/api";
import type { OrderFilters } from "./api/orders";

export const ORDERS_PATH = "/orders";
export const ADMIN_ORDERS_PATH = "/admin/orders";

/** Filters from the URL, each checked with the contract's schema; a bad value is dropped, not fatal. */
export function parseOrderFilters(search: string): OrderFilters {
  const params = new URLSearchParams(search);
  const status = orderListQuery.shape.status.safeParse(params.get("status") ?? undefined);
  const q = orderListQuery.shape.q.safeParse(params.get("q") ?? undefined);
  return { status: status.success ? status.data : undefined, q: q.success ? q.data : undefined };
}

export const ordersHref = (base: string, filters: OrderFilters): string => `${base}${toQueryString({ status: filters.status, q: filters.q })}`;
