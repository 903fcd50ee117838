import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { SearchSuggestions } from "@shared/contracts/search";
import { api } from "@client/lib/api";
import { catalogKeys } from "./catalog-keys";

/** Keystrokes closer together than this are one request. */
export const SUGGEST_DEBOUNCE_MS = 150;
/** One letter is the start of half the catalog: suggestions begin with the second. */
export const SUGGEST_MIN_CHARS = 2;

export const suggestionsOptions = (q: string) =>
  queryOptions({
    queryKey: catalogKeys.suggestions(q),
    queryFn: ({ signal }) => api.get<SearchSuggestions>("/api/v1/search/suggest", { q }, signal),
    // The server caches with the catalog and the browser for 30 s; a re-typed query needs no new request.
    staleTime: 30_000,
  });

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Suggestions for what the box holds, fetched once typing pauses. The previous answer stays on screen while
 * the next loads (no flicker); `isLoading` is true until the first answer for the current text arrives.
 */
export function useSuggestions(text: string, enabled: boolean) {
  const q = useDebounced(text.trim(), SUGGEST_DEBOUNCE_MS);
  const long = q.length >= SUGGEST_MIN_CHARS;
  const query = useQuery({ ...suggestionsOptions(q), enabled: enabled && long, placeholderData: keepPreviousData });
  const settled = q === text.trim() && !query.isPlaceholderData && !query.isFetching;
  return {
    data: long ? query.data : undefined,
    isLoading: enabled && text.trim().length >= SUGGEST_MIN_CHARS && !settled,
    isError: long && query.isError,
  };
}
