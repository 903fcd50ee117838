import { z } from "zod";
import { uuid } from "./common";

/** What the search box sends while the shopper types. */
export const searchSuggestQuery = z.object({ q: z.string().trim().min(1).max(100) }).strict();
export type SearchSuggestQuery = z.infer<typeof searchSuggestQuery>;

export const suggestedProduct = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  /** The product's picture (its own or the generated one), as in Product. */
  imageUrl: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
});
export const suggestedRef = z.object({ id: uuid, slug: z.string(), name: z.string() });

/** Limits of one answer: at most SUGGEST_LIMIT entries in all, sectors and brands first (they are few). */
export const SUGGEST_LIMIT = 8;
export const SUGGEST_MAX_SECTORS = 2;
export const SUGGEST_MAX_BRANDS = 3;

/** The suggestions for a partial query, best first in each group; empty groups are empty arrays. */
export const searchSuggestions = z.object({
  products: z.array(suggestedProduct),
  brands: z.array(suggestedRef),
  sectors: z.array(suggestedRef),
});
export type SearchSuggestions = z.infer<typeof searchSuggestions>;
export type SuggestedProduct = z.infer<typeof suggestedProduct>;
export type SuggestedRef = z.infer<typeof suggestedRef>;
