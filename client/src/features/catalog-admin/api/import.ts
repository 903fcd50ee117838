import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ProductImportMode, ProductImportResult, ProductImportRowError } from "@shared/contracts/catalog";
import { isApiError } from "@client/lib/api";
import { uploadWithProgress, type UploadProgress } from "@client/lib/upload";
import { invalidateCatalog } from "./keys";

export interface ImportCallbacks {
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte is sent: the server is parsing and checking the rows now. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

/** Sends a CSV file to the import endpoint (dry run or apply) with upload progress. */
export function importProducts(file: Blob, mode: ProductImportMode, callbacks: ImportCallbacks = {}): Promise<ProductImportResult> {
  return uploadWithProgress<ProductImportResult>("/api/v1/products/import", file, {
    query: { mode },
    contentType: "text/csv; charset=utf-8",
    ...callbacks,
  });
}

/** The import call, invalidating every catalog query after an apply that wrote something. */
export function useImportProducts() {
  const queryClient = useQueryClient();
  return useCallback(
    async (file: Blob, mode: ProductImportMode, callbacks?: ImportCallbacks) => {
      const result = await importProducts(file, mode, callbacks);
      if (mode === "apply") void invalidateCatalog(queryClient);
      return result;
    },
    [queryClient],
  );
}

/**
 * Row errors from a refused apply (422 import_failed): its details name cells as "row 12.priceCents",
 * whole rows as "row 1"; anything else ("line 3", "file") is about the file as a whole (row 0).
 */
export function rowErrorsFromDetails(error: unknown): ProductImportRowError[] {
  if (!isApiError(error)) return [];
  return error.details.map((detail) => {
    const match = /^row (\d+)(?:\.(.+))?$/.exec(detail.path);
    if (!match) return { row: 0, column: detail.path, message: detail.message };
    return { row: Number(match[1]), column: match[2] ?? "", message: detail.message };
  });
}
