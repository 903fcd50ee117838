import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { brand, brandList, brandListQuery, facets, product, productList, productListQuery, ref, sector, sectorList } from "@shared/contracts/catalog";
import { idOrSlugParams } from "@shared/contracts/common";
import { errorResponses, jsonResponse, nameSchema } from "../openapi.components";

export const tag = { name: "Catalog", description: "Sectors, brands and products." };
const tags = [tag.name];

/** Catalog reads (CONTRACT "Catalog"): open to everyone. */
export function register(registry: OpenAPIRegistry): void {
  nameSchema(ref, "EntityRef", "A compact reference to a sector or brand.");
  nameSchema(sector, "Sector");
  nameSchema(brand, "Brand");
  nameSchema(product, "Product", "Prices are integer minor units of `currency`. Archived products are hidden from shoppers.");
  nameSchema(facets, "Facets", "Counts over the current filters (all pages), present when facets=true.");
  nameSchema(sectorList, "SectorList");
  nameSchema(brandList, "BrandList");
  nameSchema(productList, "ProductList");

  registry.registerPath({
    method: "get",
    path: "/api/v1/sectors",
    operationId: "listSectors",
    tags,
    summary: "List sectors",
    description: "Every sector with its brand and product counts. Not paginated.",
    responses: { 200: jsonResponse("The sectors.", sectorList), ...errorResponses() },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/sectors/{idOrSlug}",
    operationId: "getSector",
    tags,
    summary: "Get a sector by id or slug",
    request: { params: idOrSlugParams },
    responses: { 200: jsonResponse("The sector.", sector), ...errorResponses(400, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/brands",
    operationId: "listBrands",
    tags,
    summary: "List brands",
    description: "Filter by `sector` (slug) and `q` (name search). Paginated with `limit` and the previous page's `nextCursor`.",
    request: { query: brandListQuery },
    responses: { 200: jsonResponse("A page of brands.", brandList), ...errorResponses(400) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/brands/{idOrSlug}",
    operationId: "getBrand",
    tags,
    summary: "Get a brand by id or slug",
    request: { params: idOrSlugParams },
    responses: { 200: jsonResponse("The brand.", brand), ...errorResponses(400, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/products",
    operationId: "listProducts",
    tags,
    summary: "Search and list products",
    description: [
      "`q` is full-text over name, description and brand name; `sector` and `brand` take slugs; `minPrice`/`maxPrice` are in cents;",
      "`sort` defaults to `relevance` with `q` and `newest` otherwise. Archived products are not listed to shoppers.",
      "`facets=true` adds counts over the current filters. A malformed cursor is a 400.",
    ].join(" "),
    request: { query: productListQuery },
    responses: { 200: jsonResponse("A page of products.", productList), ...errorResponses(400) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/products/{idOrSlug}",
    operationId: "getProduct",
    tags,
    summary: "Get a product by id or slug",
    request: { params: idOrSlugParams },
    responses: { 200: jsonResponse("The product.", product), ...errorResponses(400, 404) },
  });
}
