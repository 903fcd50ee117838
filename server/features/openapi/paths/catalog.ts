import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  brand,
  brandCreate,
  brandList,
  brandListQuery,
  brandUpdate,
  facets,
  product,
  productCreate,
  productCsvColumns,
  productExportQuery,
  productImportQuery,
  productImportResult,
  productImportRowError,
  productList,
  productListQuery,
  productUpdate,
  ref,
  requiredProductCsvColumns,
  sector,
  sectorCreate,
  sectorList,
  sectorUpdate,
  stockAdjust,
} from "@shared/contracts/catalog";
import { idOrSlugParams, idParams } from "@shared/contracts/common";
import { emptyResponse, errorResponses, jsonBody, jsonResponse, nameSchema, security } from "../openapi.components";

export const tag = { name: "Catalog", description: "Sectors, brands and products." };
const tags = [tag.name];

const revalidation = [
  "Answers carry a weak `ETag` and `Cache-Control: no-cache` (`private, no-cache` for staff and admins):",
  "send `If-None-Match` to get 304 Not Modified when nothing changed. Shopper answers are served from a shared cache",
  "that every catalog write empties before it responds.",
].join(" ");
const slugRule = [
  "Without `slug`, one is made from the name (lowercase ASCII, diacritics stripped, hyphens; `-2`, `-3`, … when taken);",
  "an explicit `slug` that is taken is 409 `slug_taken` (details path `slug`). Unknown fields are 400.",
].join(" ");
const csvText = z.string();

/** Catalog: reads open to everyone, writes for admins. */
export function register(registry: OpenAPIRegistry): void {
  nameSchema(ref, "EntityRef", "A compact reference to a sector or brand.");
  nameSchema(sector, "Sector");
  nameSchema(brand, "Brand");
  nameSchema(product, "Product", "Prices are integer minor units of `currency`. Archived products are hidden from shoppers.");
  nameSchema(facets, "Facets", "Counts over the current filters (all pages), present when facets=true.");
  nameSchema(sectorList, "SectorList");
  nameSchema(brandList, "BrandList");
  nameSchema(productList, "ProductList");
  nameSchema(sectorCreate, "SectorCreate");
  nameSchema(sectorUpdate, "SectorUpdate");
  nameSchema(brandCreate, "BrandCreate");
  nameSchema(brandUpdate, "BrandUpdate");
  nameSchema(productCreate, "ProductCreate");
  nameSchema(productUpdate, "ProductUpdate");
  nameSchema(stockAdjust, "StockAdjust");
  nameSchema(productImportRowError, "ProductImportRowError", "`row` is the spreadsheet row: the header is row 1, the first data row row 2.");
  nameSchema(productImportResult, "ProductImportResult");

  registry.registerPath({
    method: "get",
    path: "/api/v1/sectors",
    operationId: "listSectors",
    tags,
    summary: "List sectors",
    description: `Every sector with its brand and product counts. Not paginated. ${revalidation}`,
    responses: { 200: jsonResponse("The sectors.", sectorList), ...errorResponses() },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/sectors/{idOrSlug}",
    operationId: "getSector",
    tags,
    summary: "Get a sector by id or slug",
    description: revalidation,
    request: { params: idOrSlugParams },
    responses: { 200: jsonResponse("The sector.", sector), ...errorResponses(400, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/brands",
    operationId: "listBrands",
    tags,
    summary: "List brands",
    description: `Active brands. Filter by \`sector\` (slug) and \`q\` (name search). Paginated with \`limit\` and the previous page's \`nextCursor\`. ${revalidation}`,
    request: { query: brandListQuery },
    responses: { 200: jsonResponse("A page of brands.", brandList), ...errorResponses(400) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/brands/{idOrSlug}",
    operationId: "getBrand",
    tags,
    summary: "Get a brand by id or slug",
    description: `Archived brands are 404 except for staff and admins. ${revalidation}`,
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
      "`q` is full-text over name, description and brand name; `sector` and `brand` take slugs; `minPrice`/`maxPrice` are in cents (both inclusive);",
      "`sort` defaults to `relevance` with `q` and `newest` otherwise. A malformed cursor is a 400.",
      "Shoppers see active products of active brands. `status` (`active`, `archived`, `all`) is for staff and admins and then filters on the",
      "product's own status whatever its brand's; `status=archived` or `all` from anyone else is 403 `forbidden` (`active` gives them the shopper view).",
      "`facets=true` adds `facets`, counted over every page of the filtered list. Each facet ignores its own filter so a shopper can switch:",
      "the sector counts ignore `sector`, the brand counts `brand`, the price buckets `minPrice`/`maxPrice`, and `inStock` (the number of",
      "products in stock) ignores `inStock`; all other filters apply. So a count equals the list's length with that value applied as the filter.",
      "Price buckets are fixed, in cents, bounds inclusive: 0–999, 1000–2499, 2500–4999, 5000–9999, 10000–24999, 25000 and up; empty ones are left out.",
      revalidation,
    ].join(" "),
    request: { query: productListQuery },
    responses: { 200: jsonResponse("A page of products.", productList), ...errorResponses(400, "forbidden") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/products/{idOrSlug}",
    operationId: "getProduct",
    tags,
    summary: "Get a product by id or slug",
    description: `Archived products, and products of archived brands, are 404 except for staff and admins. ${revalidation}`,
    request: { params: idOrSlugParams },
    responses: { 200: jsonResponse("The product.", product), ...errorResponses(400, 404) },
  });

  // ---------------------------------------------------------------- admin writes
  const adminWrite = ["unauthenticated", "forbidden", "csrf_failed"] as const;

  registry.registerPath({
    method: "post",
    path: "/api/v1/sectors",
    operationId: "createSector",
    tags,
    summary: "Create a sector",
    description: `Admins only. ${slugRule}`,
    security: security.write,
    request: { body: jsonBody(sectorCreate) },
    responses: { 201: jsonResponse("The new sector.", sector), ...errorResponses(400, ...adminWrite, "slug_taken") },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/sectors/{id}",
    operationId: "updateSector",
    tags,
    summary: "Change a sector",
    description: "Admins only. Any subset of the create body; a taken `slug` is 409 `slug_taken`. Slugs are not regenerated on rename.",
    security: security.write,
    request: { params: idParams, body: jsonBody(sectorUpdate) },
    responses: { 200: jsonResponse("The updated sector.", sector), ...errorResponses(400, ...adminWrite, "not_found", "slug_taken") },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/sectors/{id}",
    operationId: "deleteSector",
    tags,
    summary: "Delete a sector",
    description: "Admins only. A sector that still has brands (active or archived) is 409 `conflict`.",
    security: security.write,
    request: { params: idParams },
    responses: { 204: emptyResponse("Deleted."), ...errorResponses(400, ...adminWrite, "not_found", "conflict") },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/brands",
    operationId: "createBrand",
    tags,
    summary: "Create a brand",
    description: `Admins only. An unknown \`sectorId\` is 400 \`validation_failed\` (details path \`sectorId\`). ${slugRule}`,
    security: security.write,
    request: { body: jsonBody(brandCreate) },
    responses: { 201: jsonResponse("The new brand.", brand), ...errorResponses(400, ...adminWrite, "slug_taken") },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/brands/{id}",
    operationId: "updateBrand",
    tags,
    summary: "Change a brand",
    description: "Admins only. Any subset of the create body; an unknown `sectorId` is 400, a taken `slug` 409 `slug_taken`.",
    security: security.write,
    request: { params: idParams, body: jsonBody(brandUpdate) },
    responses: { 200: jsonResponse("The updated brand.", brand), ...errorResponses(400, ...adminWrite, "not_found", "slug_taken") },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/brands/{id}",
    operationId: "deleteBrand",
    tags,
    summary: "Delete a brand",
    description: "Admins only. A brand that still has products (active or archived) is 409 `conflict`.",
    security: security.write,
    request: { params: idParams },
    responses: { 204: emptyResponse("Deleted."), ...errorResponses(400, ...adminWrite, "not_found", "conflict") },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/products",
    operationId: "createProduct",
    tags,
    summary: "Create a product",
    description: `Admins only. Prices in cents ≥ 0, stock ≥ 0; an unknown \`brandId\` is 400 \`validation_failed\` (details path \`brandId\`). ${slugRule}`,
    security: security.write,
    request: { body: jsonBody(productCreate) },
    responses: { 201: jsonResponse("The new product.", product), ...errorResponses(400, ...adminWrite, "slug_taken") },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/products/{id}",
    operationId: "updateProduct",
    tags,
    summary: "Change a product",
    description: "Admins only. Any subset of the create body (use the stock endpoint for relative stock changes); an unknown `brandId` is 400, a taken `slug` 409 `slug_taken`.",
    security: security.write,
    request: { params: idParams, body: jsonBody(productUpdate) },
    responses: { 200: jsonResponse("The updated product.", product), ...errorResponses(400, ...adminWrite, "not_found", "slug_taken") },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/products/{id}",
    operationId: "deleteProduct",
    tags,
    summary: "Delete (or archive) a product",
    description:
      "Admins only. A product that appears in any order is archived instead of deleted (status `archived`: hidden from shoppers, orders keep their lines); the answer is 204 either way and the audit trail records which happened (`catalog.product.deleted` or `catalog.product.archived`).",
    security: security.write,
    request: { params: idParams },
    responses: { 204: emptyResponse("Deleted, or archived because orders reference it."), ...errorResponses(400, ...adminWrite, "not_found") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/products/{id}/stock",
    operationId: "adjustProductStock",
    tags,
    summary: "Adjust a product's stock",
    description:
      "Admins only. Adds `delta` (a non-zero integer, may be negative) in one atomic statement; concurrent adjustments never lose updates. A change that would take the stock below zero is 409 `out_of_stock` and changes nothing.",
    security: security.write,
    request: { params: idParams, body: jsonBody(stockAdjust) },
    responses: { 200: jsonResponse("The product with its new stock.", product), ...errorResponses(400, ...adminWrite, "not_found", "out_of_stock") },
  });

  // ---------------------------------------------------------------- CSV
  const columns = productCsvColumns.join(",");
  registry.registerPath({
    method: "get",
    path: "/api/v1/products/export.csv",
    operationId: "exportProductsCsv",
    tags,
    summary: "Export products as CSV",
    description: [
      `Admins only. The list's filters (\`status\` included: without it, what shoppers see; \`status=all\` exports everything), every matching product, sorted by slug,`,
      `streamed as \`text/csv\` (attachment \`products.csv\`) with the header row \`${columns}\`. Prices are in cents; \`imageUrl\` is the stored value (empty when the`,
      "product uses its generated picture). Importing the file unchanged changes nothing.",
    ].join(" "),
    security: security.read,
    request: { query: productExportQuery },
    responses: {
      200: { description: "The products as CSV.", content: { "text/csv": { schema: csvText } } },
      ...errorResponses(400, "unauthenticated", "forbidden"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/products/import",
    operationId: "importProductsCsv",
    tags,
    summary: "Import products from CSV",
    description: [
      `Admins only. Body: the file itself as \`text/csv\` (UTF-8, optional BOM), up to 5 MB and 20,000 rows; other content types are 415, larger bodies 413.`,
      `The header row names the columns in any order: \`${columns}\`; \`${requiredProductCsvColumns.join("`, `")}\` are required, unknown or missing columns are 422 \`import_failed\`,`,
      "and so is a file that is not valid CSV (the message gives the line). Rows match products by `slug`: new slugs are created, existing products updated;",
      "a row identical to its product changes nothing and is not counted. A column left out of the file keeps each product's stored value; an empty",
      "`currency` or `status` cell means the default (USD, active) for new products and the stored value for existing ones.",
      "`mode=dry-run` (the default) reports what `apply` would do with every row error (`row` as a spreadsheet shows it: header = row 1; blank lines count).",
      "`mode=apply` with any row error is 422 `import_failed` with the errors in `details` (`row 12.priceCents`) and writes nothing; otherwise every row is written",
      "in one transaction, one `catalog.products.imported` audit entry is recorded and one `catalog.changed` event published.",
    ].join(" "),
    security: security.write,
    request: { query: productImportQuery, body: { required: true, content: { "text/csv": { schema: csvText } } } },
    responses: {
      200: jsonResponse("What was (apply) or would be (dry-run) imported.", productImportResult),
      ...errorResponses(400, ...adminWrite, "payload_too_large", "unsupported_media_type", "import_failed"),
    },
  });
}
