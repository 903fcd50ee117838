import { useCallback, useMemo } from "react";
import { useLocation, useSearch } from "wouter";
import type { z } from "zod";
import { toQueryString, type QueryParams } from "./api";

/*
 * Every list page keeps its filters in the URL (a reload, a shared link and back/forward show the same list),
 * and every one does it through this module: a feature describes its filters once as a UrlFilterCodec, a page
 * reads and changes them with useUrlFilters, and links to a filtered list come from filtersHref.
 */

/** How one list's filters live in a URL: the page's path, and the filters ⇄ query string. */
export interface UrlFilterCodec<F> {
  path: string;
  /** Query string → filters. Use readParams, so a bad value (a hand-edited link) is dropped instead of breaking the page. */
  parse: (params: URLSearchParams) => F;
  /** Filters → query parameters; leave defaults out so links stay short and canonical. */
  toParams: (filters: F) => QueryParams;
}

/** Any one field of a shared contract's query schema (only its safeParse is used, so zod stays a type import here). */
type FieldRule = Pick<z.ZodType, "safeParse">;

/**
 * The listed keys of a query string, each checked with the contract's own rule for that field: a missing, empty
 * or invalid value is left out, the others arrive parsed (numbers, booleans) exactly as the API would read them.
 */
export function readParams<Shape extends Record<string, FieldRule>, K extends keyof Shape & string>(
  params: URLSearchParams,
  shape: Shape,
  keys: readonly K[],
): { [P in K]?: Exclude<z.output<Shape[P]>, undefined> } {
  const filters: Record<string, unknown> = {};
  for (const key of keys) {
    const raw = params.get(key);
    if (raw === null || raw === "") continue;
    const parsed = shape[key]!.safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as { [P in K]?: Exclude<z.output<Shape[P]>, undefined> };
}

export const parseFilters = <F>(codec: UrlFilterCodec<F>, search: string): F => codec.parse(new URLSearchParams(search));

/** The URL of the list with these filters, for links and for navigation. */
export const filtersHref = <F>(codec: UrlFilterCodec<F>, filters: F): string => `${codec.path}${toQueryString(codec.toParams(filters))}`;

export interface UrlFiltersOptions {
  /**
   * "replace" (the default): a filter change replaces the history entry, so typing in a search box does not fill
   * the back button. "push" only where the page says why each change should be a step back returns to.
   */
  history?: "replace" | "push";
}

/** The list's filters from the URL, and the way to change them (a no-op when the URL would not change). */
export function useUrlFilters<F>(codec: UrlFilterCodec<F>, { history = "replace" }: UrlFiltersOptions = {}): [F, (next: F) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const filters = useMemo(() => parseFilters(codec, search), [codec, search]);
  const current = `${location}${search ? `?${search}` : ""}`;
  const apply = useCallback(
    (next: F) => {
      const target = filtersHref(codec, next);
      if (target !== current) navigate(target, { replace: history === "replace" });
    },
    [codec, current, history, navigate],
  );
  return [filters, apply];
}
