import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Sector, SectorCreate, SectorUpdate } from "@shared/contracts/catalog";
import { api } from "@client/lib/api";
import { sectorListOptions } from "@client/features/catalog/api/sectors";
import { invalidateCatalog } from "./keys";

/**
 * Every sector (the API lists them all at once; there are a handful). Shares the storefront's query, so a
 * write here refreshes the shop's sector menu too; the console always asks again on mount.
 */
export const useAdminSectors = () => useQuery({ ...sectorListOptions(), staleTime: 0 });

const sectorPath = (id: string) => `/api/v1/sectors/${encodeURIComponent(id)}`;

export type SaveSectorInput = { id?: undefined; body: SectorCreate } | { id: string; body: SectorUpdate };

export function useSaveSector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSectorInput) => (input.id ? api.patch<Sector>(sectorPath(input.id), input.body) : api.post<Sector>("/api/v1/sectors", input.body)),
    onSuccess: () => void invalidateCatalog(queryClient),
  });
}

export function useDeleteSector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(sectorPath(id)),
    onSuccess: () => void invalidateCatalog(queryClient),
  });
}
