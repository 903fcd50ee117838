import { describe, expect, it } from "vitest";
import { filtersHref, parseFilters } from "@client/lib/url-filters";
import { adminBrandFilters, adminProductFilters, adminSectorFilters } from "./search-params";

const adminProductsHref = (filters: Parameters<typeof adminProductFilters.toParams>[0]) => filtersHref(adminProductFilters, filters);
const parseAdminProductFilters = (search: string) => parseFilters(adminProductFilters, search);

describe("console product filters in the URL", () => {
  it("when every filter is set, then the URL round-trips them", () => {
    const filters = { q: "apple", sector: "fruit", brand: "orchard-co", status: "archived" as const, inStock: true as const, sort: "-price" as const };
    const href = adminProductsHref(filters);
    expect(href).toBe("/admin/catalog/products?q=apple&sector=fruit&brand=orchard-co&status=archived&inStock=true&sort=-price");
    expect(parseAdminProductFilters(href.split("?")[1]!)).toEqual(filters);
  });

  it("when the sort is the default for the query, then it is left out of the URL", () => {
    expect(adminProductsHref({ sort: "newest" })).toBe("/admin/catalog/products");
    expect(adminProductsHref({ q: "pear", sort: "relevance" })).toBe("/admin/catalog/products?q=pear");
  });

  it("when a link holds bad values, then only those are dropped", () => {
    expect(parseAdminProductFilters("q=kiwi&sector=Not%20A%20Slug&status=all&inStock=yes&sort=cheapest")).toEqual({
      q: "kiwi",
      sector: undefined,
      brand: undefined,
      status: undefined,
      inStock: undefined,
      sort: undefined,
    });
  });

  it("when relevance is asked for without words, then the default order is used", () => {
    expect(parseAdminProductFilters("sort=relevance").sort).toBeUndefined();
  });
});

describe("console brand and sector filters in the URL", () => {
  it("when brand filters are set, then they round-trip", () => {
    const href = filtersHref(adminBrandFilters, { q: "farm", sector: "dairy" });
    expect(href).toBe("/admin/catalog/brands?q=farm&sector=dairy");
    expect(parseFilters(adminBrandFilters, href.split("?")[1]!)).toEqual({ q: "farm", sector: "dairy" });
  });

  it("when the sector search is empty, then the URL has no query string", () => {
    expect(filtersHref(adminSectorFilters, {})).toBe("/admin/catalog/sectors");
    expect(parseFilters(adminSectorFilters, "q=%20%20")).toEqual({ q: undefined });
  });
});
