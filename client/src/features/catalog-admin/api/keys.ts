import type { QueryClient } from "@tanstack/react-query";
import type { BrandListFilters, ProductListFilters } from "@shared/contracts/catalog";
import { auditKeys } from "@client/features/audit/api/audit";
import { catalogKeys } from "@client/features/catalog/api/catalog-keys";

/** What the console's product table filters by (the list query's filters). `status` undefined means every product, archived ones too. */
export type AdminProductFilters = Partial<Pick<ProductListFilters, "q" | "sector" | "brand" | "status" | "inStock" | "sort">>;

export type AdminBrandFilters = Partial<Pick<BrandListFilters, "q" | "sector">>;

/** Sectors are listed whole and searched on the client, with the brand search's rule for the words. */
export type AdminSectorFilters = Pick<AdminBrandFilters, "q">;

/**
 * The console's one query-key factory. Kept apart from the storefront's `catalogKeys` (the console asks
 * for archived products, the shop never does), and invalidated together with it after every write.
 */
export const catalogAdminKeys = {
  all: ["catalog-admin"] as const,
  brands: () => [...catalogAdminKeys.all, "brands"] as const,
  brandPages: (filters: AdminBrandFilters, pageSize: number) => [...catalogAdminKeys.brands(), "pages", filters, pageSize] as const,
  /** Every brand, for the brand pickers. */
  brandChoices: () => [...catalogAdminKeys.brands(), "choices"] as const,
  products: () => [...catalogAdminKeys.all, "products"] as const,
  productPages: (filters: AdminProductFilters, pageSize: number) => [...catalogAdminKeys.products(), "pages", filters, pageSize] as const,
  /** Who else has a form open on a resource (`product:<id>`), from the socket's `presence` messages (ADR 071). */
  presenceAll: () => [...catalogAdminKeys.all, "presence"] as const,
  presence: (resource: string) => [...catalogAdminKeys.presenceAll(), resource] as const,
  /** Mutation key of one product's stock changes (several may be in flight). */
  stock: (productId: string) => [...catalogAdminKeys.products(), "stock", productId] as const,
};

/** After any catalog write: the console's tables, the storefront's cached pages and the audit log are stale. */
export function invalidateCatalog(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all }),
    queryClient.invalidateQueries({ queryKey: catalogKeys.all }),
    queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  ]).then(() => undefined);
}
