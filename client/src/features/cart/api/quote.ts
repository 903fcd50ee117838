import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { Quote, QuoteRequest } from "@shared/contracts/orders";
import { api } from "@client/lib/api";
import type { CartLine } from "../cart-store";

/** The cart feature's one query-key factory. The quote is keyed by the lines themselves: new lines, new quote. */
export const cartKeys = {
  all: ["cart"] as const,
  quotes: () => [...cartKeys.all, "quote"] as const,
  quote: (lines: readonly CartLine[]) => [...cartKeys.quotes(), lines] as const,
};

/** Current server prices, stock and totals for the cart (POST /cart/quote: public, so it works before sign-in). */
export const quoteOptions = (lines: readonly CartLine[]) =>
  queryOptions({
    queryKey: cartKeys.quote(lines),
    queryFn: ({ signal }) => api.post<Quote>("/api/v1/cart/quote", { items: [...lines] } satisfies QuoteRequest, { signal }),
    enabled: lines.length > 0,
    // Prices and stock move under a cart left open: re-check soon and whenever the shopper comes back to the tab.
    staleTime: 10_000,
    refetchOnWindowFocus: true,
    // Changing a quantity keeps the previous quote on screen (dimmed) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

export const useQuote = (lines: readonly CartLine[]) => useQuery(quoteOptions(lines));
