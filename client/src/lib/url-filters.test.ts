import { describe, expect, it } from "vitest";
import { productListQuery } from "@shared/contracts/catalog";
import { filtersHref, parseFilters, readParams, type UrlFilterCodec } from "./url-filters";

type Filters = { q?: string; minPrice?: number; inStock?: boolean };
const codec: UrlFilterCodec<Filters> = {
  path: "/things",
  parse: (params) => readParams(params, productListQuery.shape, ["q", "minPrice", "inStock"]),
  toParams: (filters) => ({ q: filters.q, minPrice: filters.minPrice, inStock: filters.inStock ? "true" : undefined }),
};

describe("URL filters", () => {
  it("when a query string is read, then each listed key arrives parsed by the contract's rule and unlisted keys are ignored", () => {
    expect(parseFilters(codec, "q=%20kiwi%20&minPrice=250&inStock=true&sort=name")).toEqual({ q: "kiwi", minPrice: 250, inStock: true });
  });

  it("when a value breaks the contract's rule or is empty, then only that key is dropped", () => {
    expect(parseFilters(codec, "q=&minPrice=-3&inStock=maybe")).toEqual({});
    expect(parseFilters(codec, "q=pear&minPrice=1.5")).toEqual({ q: "pear" });
  });

  it("when filters become a link, then empty ones are left out and the result parses back to the same filters", () => {
    expect(filtersHref(codec, {})).toBe("/things");
    const href = filtersHref(codec, { q: "fig jam", minPrice: 100, inStock: true });
    expect(href).toBe("/things?q=fig+jam&minPrice=100&inStock=true");
    expect(parseFilters(codec, href.split("?")[1]!)).toEqual({ q: "fig jam", minPrice: 100, inStock: true });
  });
});
