import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ProductMediaList } from "@shared/contracts/media";
import { api } from "@client/lib/api";
import { catalogKeys } from "./catalog-keys";

/** Under ["catalog", "products"]: every catalog write (and `catalog.changed`) refreshes galleries too. */
export const mediaKey = (productId: string) => [...catalogKeys.products(), "media", productId] as const;
export const mediaPath = (productId: string) => `/api/v1/products/${encodeURIComponent(productId)}/media`;

export const productMediaOptions = (productId: string) =>
  queryOptions({
    queryKey: mediaKey(productId),
    queryFn: ({ signal }) => api.get<ProductMediaList>(mediaPath(productId), undefined, signal),
    staleTime: 60_000,
  });

export const useProductMedia = (productId: string) => useQuery(productMediaOptions(productId));
