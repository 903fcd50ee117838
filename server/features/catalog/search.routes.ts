import type { RequestHandler } from "express";
import { searchSuggestions, searchSuggestQuery } from "@shared/contracts/search";
import { routeTable } from "../../lib/route-table";
import type { CatalogService } from "./catalog.service";

/**
 * Suggestions change only with the catalog; a browser may keep one for a short while, which also spares
 * the server the same keystrokes typed again (backspace, retype).
 */
const briefly: RequestHandler = (_req, res, next) => {
  res.set("Cache-Control", "public, max-age=30");
  next();
};

/** Search-as-you-type for the storefront's search box (ADR 044); the full search is GET /products?q=. */
export const searchRoutes = routeTable<CatalogService>(
  {
    mount: "/api/v1",
    tag: { name: "Search", description: "Suggestions while the shopper types; the full search is the product list's `q`." },
    schemas: { SearchSuggestions: [searchSuggestions, "At most 8 entries in all: up to 2 sectors, up to 3 brands, products for the rest."] },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "get",
      path: "/search/suggest",
      operationId: "suggestSearch",
      summary: "Suggest products, brands and sectors for a partial query",
      description: [
        "For the search box, on every keystroke: sectors and active brands whose name contains `q` or is close to it (trigram similarity),",
        "and the products the product list's `q` would rank first (same forgiving search: stems, prefixes, typo correction).",
        "Answers are cached with the catalog (any catalog write drops them) and may be kept by the browser for 30 seconds.",
        "Everyone gets the shopper view.",
      ].join(" "),
      access: "public",
      before: [briefly],
      request: { query: searchSuggestQuery },
      responses: { 200: { description: "The suggestions.", schema: searchSuggestions } },
      errors: [400],
      handler: ({ query }, catalog) => catalog.suggest(query.q),
    }),
  ],
);
