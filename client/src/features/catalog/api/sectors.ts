import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Sector, SectorList } from "@shared/contracts/catalog";
import { api } from "@client/lib/api";
import { catalogKeys } from "./catalog-keys";

export const sectorListOptions = () =>
  queryOptions({
    queryKey: catalogKeys.sectorList(),
    queryFn: ({ signal }) => api.get<SectorList>("/api/v1/sectors", undefined, signal),
    select: (body) => body.data,
    staleTime: 5 * 60_000, // sectors barely change; the header and home share this one request
  });

export const sectorOptions = (slug: string) =>
  queryOptions({
    queryKey: catalogKeys.sector(slug),
    queryFn: ({ signal }) => api.get<Sector>(`/api/v1/sectors/${encodeURIComponent(slug)}`, undefined, signal),
  });

export const useSectors = () => useQuery(sectorListOptions());
export const useSector = (slug: string) => useQuery(sectorOptions(slug));
