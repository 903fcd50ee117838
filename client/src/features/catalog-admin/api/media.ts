import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { MediaOrder, MediaUpdate, ProductMedia, ProductMediaList } from "@shared/contracts/media";
import { api } from "@client/lib/api";
import { uploadWithProgress, type UploadProgress } from "@client/lib/upload";
import { mediaKey, mediaPath } from "@client/features/catalog/api/media";
import { invalidateCatalog } from "./keys";

/** The console's gallery writes; each refreshes the catalog (the first picture is the product's imageUrl). */
export function useMediaWrites(productId: string) {
  const queryClient = useQueryClient();
  const refresh = () => invalidateCatalog(queryClient);
  return {
    upload: useMutation({
      mutationFn: ({ file, alt, onProgress }: { file: File; alt: string; onProgress: (p: UploadProgress) => void }) =>
        // The declared type only gets the body past the parser; the server decides by the bytes.
        uploadWithProgress<ProductMedia>(mediaPath(productId), file, { contentType: file.type || "application/octet-stream", query: { alt }, onProgress }),
      onSettled: refresh,
    }),
    update: useMutation({
      mutationFn: ({ mediaId, ...change }: { mediaId: string } & MediaUpdate) => api.patch<ProductMedia>(`${mediaPath(productId)}/${mediaId}`, change),
      // The row's controls show the saved values at once, before the refetch.
      onSuccess: (saved) =>
        queryClient.setQueryData<ProductMediaList>(mediaKey(productId), (list) => list && { data: list.data.map((m) => (m.id === saved.id ? saved : m)) }),
      onSettled: refresh,
    }),
    reorder: useMutation({
      mutationFn: (order: MediaOrder) => api.put<ProductMediaList>(`${mediaPath(productId)}/order`, order),
      onSuccess: (list) => queryClient.setQueryData(mediaKey(productId), list),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (mediaId: string) => api.delete(`${mediaPath(productId)}/${mediaId}`),
      onSettled: refresh,
    }),
  };
}
