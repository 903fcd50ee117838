import { SUGGEST_LIMIT, SUGGEST_MAX_BRANDS, SUGGEST_MAX_SECTORS, type SearchSuggestions } from "@shared/contracts/search";
import type { CatalogCache } from "./catalog-cache";
import type { CatalogRepo } from "./catalog.repo";

/** The suggest box's cache key: case and spacing do not change the answer (punctuation may: "-word" excludes). */
const suggestKey = (q: string) => `suggest:${q.toLowerCase().replace(/\s+/g, " ")}`;

/**
 * Search-as-you-type (ADR 044). Every keystroke is one request, so the answer is bounded (at most SUGGEST_LIMIT
 * entries, each look-up LIMITed and index-served) and cached with the rest of the catalog (dropped on any
 * catalog write). The three look-ups are independent statements: on a pool they run side by side.
 * Everyone gets the shopper view: suggestions never include archived products or brands.
 */
export function createSearchReads(repo: CatalogRepo, { cached }: Pick<CatalogCache, "cached">) {
  return {
    async suggest(q: string): Promise<SearchSuggestions> {
      return cached(undefined, suggestKey(q), async () => {
        const [sectors, brands, rows] = await Promise.all([
          repo.suggestSectors(q, SUGGEST_MAX_SECTORS),
          repo.suggestBrands(q, SUGGEST_MAX_BRANDS),
          repo.listProducts({ q, sort: "relevance", take: SUGGEST_LIMIT, visibility: "shopper" }),
        ]);
        const products = rows.slice(0, SUGGEST_LIMIT - sectors.length - brands.length).map(({ item }) => ({
          id: item.id,
          slug: item.slug,
          name: item.name,
          imageUrl: item.imageUrl,
          priceCents: item.priceCents,
          currency: item.currency,
        }));
        return { products, brands, sectors };
      });
    },
  };
}
