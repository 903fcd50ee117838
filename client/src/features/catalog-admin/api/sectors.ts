import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Sector, SectorCreate, SectorUpdate } from "@shared/contracts/catalog";
import { api, ifMatch } from "@client/lib/api";
import { sectorListOptions } from "@client/features/catalog/api/sectors";
import { invalidateCatalog } from "./keys";

/**
 * Every sector (the API lists them all at once; there are a handful). Shares the storefront's query, so a
 * write here refreshes the shop's sector menu too; the console always asks again on mount.
 */
export const useAdminSectors = () => useQuery({ ...sectorListOptions(), staleTime: 0 });

const sectorPath = (id: string) => `/api/v1/sectors/${encodeURIComponent(id)}`;

/** An edit names the version it was made on: a stale one is 412 precondition_failed (ADR 056). */
export type SaveSectorInput = { id?: undefined; body: SectorCreate } | { id: string; body: SectorUpdate; version: number };

/** The sector as it is now (after a 412: what the other admin saved). */
export const fetchSector = (id: string) => api.get<Sector>(sectorPath(id));

export function useSaveSector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSectorInput) =>
      input.id ? api.patch<Sector>(sectorPath(input.id), input.body, { headers: ifMatch(input.version) }) : api.post<Sector>("/api/v1/sectors", input.body),
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
