import { orderListQuery } from "@shared/contracts/orders";
import { readParams, type UrlFilterCodec } from "@client/lib/url-filters";
import type { OrderFilters } from "./api/orders";

export const ORDERS_PATH = "/orders";
export const ADMIN_ORDERS_PATH = "/admin/orders";

/** A shopper's order history: filtered by status only (the search is staff's). */
export const orderHistoryFilters: UrlFilterCodec<OrderFilters> = {
  path: ORDERS_PATH,
  parse: (params) => readParams(params, orderListQuery.shape, ["status"]),
  toParams: (filters) => ({ status: filters.status }),
};

/** Staff's list of every order: status, and a search by order number or customer email. */
export const adminOrderFilters: UrlFilterCodec<OrderFilters> = {
  path: ADMIN_ORDERS_PATH,
  parse: (params) => readParams(params, orderListQuery.shape, ["status", "q"]),
  toParams: (filters) => ({ status: filters.status, q: filters.q }),
};
