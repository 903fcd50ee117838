import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { RequestHandler } from "express";
import { z } from "zod";
import { isStaff } from "@shared/contracts/auth";
import {
  brand,
  brandCreate,
  brandList,
  brandListQuery,
  brandUpdate,
  facets,
  PRODUCT_IMPORT_MAX_BYTES,
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
import { idOrSlugParams, idParams, ifMatchHeaders } from "@shared/contracts/common";
import { variantParams } from "@shared/contracts/variants";
import { routeTable } from "../../lib/route-table";
import { entityTagHeader, ifMatchRule, parseIfMatch, withEntityTag } from "../../lib/versioning";
import { requestMeta } from "../audit/request-meta";
import { productCsvStringifier } from "./catalog-csv";
import type { CatalogService } from "./catalog.service";

/**
 * Reads revalidate: ETag (Express's weak ETag on every res.json, answering If-None-Match with 304)
 * plus `Cache-Control: no-cache`, so browsers and shared caches always ask but rarely download.
 * Staff and admins may see archived objects: their answers are private.
 */
const revalidate: RequestHandler = (req, res, next) => {
  res.set("Cache-Control", isStaff(req.user?.role) ? "private, no-cache" : "no-cache");
  next();
};

const revalidation = [
  "Answers carry a weak `ETag` and `Cache-Control: no-cache` (`private, no-cache` for staff and admins):",
  "send `If-None-Match` to get 304 Not Modified when nothing changed. Shopper answers are served from a shared cache",
  "that every catalog write empties before it responds.",
].join(" ");
const slugRule = [
  "Without `slug`, one is made from the name (lowercase ASCII, diacritics stripped, hyphens; `-2`, `-3`, … when taken);",
  "an explicit `slug` that is taken is 409 `slug_taken` (details path `slug`). Unknown fields are 400.",
].join(" ");
const adminWrite = ["unauthenticated", "forbidden", "csrf_failed"] as const;
const csvText = z.string();
const csvColumns = productCsvColumns.join(",");

/** Catalog: reads are open (and revalidated), writes are admin-only (the service checks again). */
export const catalogRoutes = routeTable<CatalogService>(
  {
    mount: "/api/v1",
    tag: { name: "Catalog", description: "Sectors, brands and products." },
    schemas: {
      EntityRef: [ref, "A compact reference to a sector or brand."],
      Sector: sector,
      Brand: brand,
      Product: [product, "Prices are integer minor units of `currency`. Archived products are hidden from shoppers."],
      Facets: [facets, "Counts over the current filters (all pages), present when facets=true."],
      SectorList: sectorList,
      BrandList: brandList,
      ProductList: productList,
      SectorCreate: sectorCreate,
      SectorUpdate: sectorUpdate,
      BrandCreate: brandCreate,
      BrandUpdate: brandUpdate,
      ProductCreate: productCreate,
      ProductUpdate: productUpdate,
      StockAdjust: stockAdjust,
      ProductImportRowError: [productImportRowError, "`row` is the spreadsheet row: the header is row 1, the first data row row 2."],
      ProductImportResult: productImportResult,
    },
    commonErrors: true,
  },
  (route) => [
    // ---------------------------------------------------------------- sectors
    route({
      method: "get",
      path: "/sectors",
      operationId: "listSectors",
      summary: "List sectors",
      description: `Every sector with its brand and product counts. Not paginated. ${revalidation}`,
      access: "public",
      before: [revalidate],
      responses: { 200: { description: "The sectors.", schema: sectorList } },
      handler: ({ user }, catalog) => catalog.sectorsBody(user),
    }),
    route({
      method: "get",
      path: "/sectors/:id",
      operationId: "getSector",
      summary: "Get a sector by id or slug",
      description: revalidation,
      access: "public",
      before: [revalidate],
      request: { params: idOrSlugParams },
      responses: { 200: { description: "The sector.", schema: sector, headers: entityTagHeader } },
      errors: [400, 404],
      handler: ({ params, user }, catalog) => catalog.sectorBody(params.id, user),
    }),
    route({
      method: "post",
      path: "/sectors",
      operationId: "createSector",
      summary: "Create a sector",
      description: `Admins only. ${slugRule}`,
      access: "admin",
      request: { body: sectorCreate },
      responses: { 201: { description: "The new sector.", schema: sector } },
      errors: [400, ...adminWrite, "slug_taken"],
      handler: ({ user, body, req }, catalog) => catalog.createSector(user, body, requestMeta(req)),
    }),
    route({
      method: "patch",
      path: "/sectors/:id",
      operationId: "updateSector",
      summary: "Change a sector",
      description: ["Admins only. Any subset of the create body; a taken `slug` is 409 `slug_taken`. Slugs are not regenerated on rename.", ifMatchRule].join(
        " ",
      ),
      access: "admin",
      request: { params: idParams, body: sectorUpdate, headers: ifMatchHeaders },
      responses: { 200: { description: "The updated sector.", schema: sector, headers: entityTagHeader } },
      errors: [400, ...adminWrite, "not_found", "precondition_failed", "slug_taken"],
      handler: async ({ user, params, body, headers, req, res }, catalog) =>
        withEntityTag(res, await catalog.updateSector(user, params.id, body, requestMeta(req), parseIfMatch(headers["If-Match"]))),
    }),
    route({
      method: "delete",
      path: "/sectors/:id",
      operationId: "deleteSector",
      summary: "Delete a sector",
      description: ["Admins only. A sector that still has brands (active or archived) is 409 `conflict`.", ifMatchRule].join(" "),
      access: "admin",
      request: { params: idParams, headers: ifMatchHeaders },
      responses: { 204: { description: "Deleted." } },
      errors: [400, ...adminWrite, "not_found", "precondition_failed", "conflict"],
      handler: ({ user, params, headers, req }, catalog) => catalog.deleteSector(user, params.id, requestMeta(req), parseIfMatch(headers["If-Match"])),
    }),

    // ---------------------------------------------------------------- brands
    route({
      method: "get",
      path: "/brands",
      operationId: "listBrands",
      summary: "List brands",
      description: `Active brands. Filter by \`sector\` (slug) and \`q\` (name search). Paginated with \`limit\` and the previous page's \`nextCursor\`. ${revalidation}`,
      access: "public",
      before: [revalidate],
      request: { query: brandListQuery },
      responses: { 200: { description: "A page of brands.", schema: brandList } },
      errors: [400],
      handler: ({ query, user }, catalog) => catalog.brandsBody(query, user),
    }),
    route({
      method: "get",
      path: "/brands/:id",
      operationId: "getBrand",
      summary: "Get a brand by id or slug",
      description: `Archived brands are 404 except for staff and admins. ${revalidation}`,
      access: "public",
      before: [revalidate],
      request: { params: idOrSlugParams },
      responses: { 200: { description: "The brand.", schema: brand, headers: entityTagHeader } },
      errors: [400, 404],
      handler: ({ params, user }, catalog) => catalog.brandBody(params.id, user),
    }),
    route({
      method: "post",
      path: "/brands",
      operationId: "createBrand",
      summary: "Create a brand",
      description: `Admins only. An unknown \`sectorId\` is 400 \`validation_failed\` (details path \`sectorId\`). ${slugRule}`,
      access: "admin",
      request: { body: brandCreate },
      responses: { 201: { description: "The new brand.", schema: brand } },
      errors: [400, ...adminWrite, "slug_taken"],
      handler: ({ user, body, req }, catalog) => catalog.createBrand(user, body, requestMeta(req)),
    }),
    route({
      method: "patch",
      path: "/brands/:id",
      operationId: "updateBrand",
      summary: "Change a brand",
      description: ["Admins only. Any subset of the create body; an unknown `sectorId` is 400, a taken `slug` 409 `slug_taken`.", ifMatchRule].join(" "),
      access: "admin",
      request: { params: idParams, body: brandUpdate, headers: ifMatchHeaders },
      responses: { 200: { description: "The updated brand.", schema: brand, headers: entityTagHeader } },
      errors: [400, ...adminWrite, "not_found", "precondition_failed", "slug_taken"],
      handler: async ({ user, params, body, headers, req, res }, catalog) =>
        withEntityTag(res, await catalog.updateBrand(user, params.id, body, requestMeta(req), parseIfMatch(headers["If-Match"]))),
    }),
    route({
      method: "delete",
      path: "/brands/:id",
      operationId: "deleteBrand",
      summary: "Delete a brand",
      description: ["Admins only. A brand that still has products (active or archived) is 409 `conflict`.", ifMatchRule].join(" "),
      access: "admin",
      request: { params: idParams, headers: ifMatchHeaders },
      responses: { 204: { description: "Deleted." } },
      errors: [400, ...adminWrite, "not_found", "precondition_failed", "conflict"],
      handler: ({ user, params, headers, req }, catalog) => catalog.deleteBrand(user, params.id, requestMeta(req), parseIfMatch(headers["If-Match"])),
    }),

    // ---------------------------------------------------------------- products (fixed paths before /products/:id)
    route({
      method: "get",
      path: "/products",
      operationId: "listProducts",
      summary: "Search and list products",
      description: [
        '`q` is full-text over name, description and brand name and forgives: words are stemmed ("bags" finds bag), the last word is also a prefix',
        '("clem" finds clementines), a misspelt word also matches the catalog\'s closest word ("aple" finds apples), and when no product matches',
        "every word, products matching any word are listed, best first; quotes and `-word` keep their strict web-search meaning. A first page that",
        "finds nothing may carry `didYouMean`, a respelling of `q` to offer. `sector` and `brand` take slugs; `minPrice`/`maxPrice` are in cents (both inclusive);",
        "`sort` defaults to `relevance` with `q` and `newest` otherwise. A malformed cursor is a 400.",
        "Shoppers see active products of active brands. `status` (`active`, `archived`, `all`) is for staff and admins and then filters on the",
        "product's own status whatever its brand's; `status=archived` or `all` from anyone else is 403 `forbidden` (`active` gives them the shopper view).",
        "`facets=true` adds `facets`, counted over every page of the filtered list. Each facet ignores its own filter so a shopper can switch:",
        "the sector counts ignore `sector`, the brand counts `brand`, the price buckets `minPrice`/`maxPrice`, and `inStock` (the number of",
        "products in stock) ignores `inStock`; all other filters apply. So a count equals the list's length with that value applied as the filter.",
        "Price buckets are fixed, in cents, bounds inclusive: 0–999, 1000–2499, 2500–4999, 5000–9999, 10000–24999, 25000 and up; empty ones are left out.",
        revalidation,
      ].join(" "),
      access: "public",
      before: [revalidate],
      request: { query: productListQuery },
      responses: { 200: { description: "A page of products.", schema: productList } },
      errors: [400, "forbidden"],
      handler: ({ query, user }, catalog) => catalog.productsBody(query, user),
    }),
    route({
      method: "get",
      path: "/products/export.csv",
      operationId: "exportProductsCsv",
      summary: "Export products as CSV",
      description: [
        `Admins only. The list's filters (\`status\` included: without it, what shoppers see; \`status=all\` exports everything), every matching product, sorted by slug,`,
        `streamed as \`text/csv\` (attachment \`products.csv\`) with the header row \`${csvColumns}\`. Prices are in cents; \`imageUrl\` is the stored value (empty when the`,
        "product uses its generated picture). Importing the file unchanged changes nothing.",
      ].join(" "),
      access: "admin",
      request: { query: productExportQuery },
      responses: { 200: { description: "The products as CSV.", schema: csvText, contentType: "text/csv" } },
      errors: [400, "unauthenticated", "forbidden"],
      handler: async ({ user, query, res }, catalog) => {
        const records = await catalog.exportProducts(user, query);
        res.set({ "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store" });
        res.attachment("products.csv");
        await pipeline(Readable.from(records), productCsvStringifier(), res);
      },
    }),
    route({
      method: "post",
      path: "/products/import",
      operationId: "importProductsCsv",
      summary: "Import products from CSV",
      description: [
        `Admins only. Body: the file itself as \`text/csv\` (UTF-8, optional BOM), up to 5 MB and 20,000 rows; other content types are 415, larger bodies 413.`,
        `The header row names the columns in any order: \`${csvColumns}\`; \`${requiredProductCsvColumns.join("`, `")}\` are required, unknown or missing columns are 422 \`import_failed\`,`,
        "and so is a file that is not valid CSV (the message gives the line). Rows match products by `slug`: new slugs are created, existing products updated;",
        "a row identical to its product changes nothing and is not counted. A column left out of the file keeps each product's stored value; an empty",
        "`currency` or `status` cell means the default (USD, active) for new products and the stored value for existing ones.",
        "`mode=dry-run` (the default) reports what `apply` would do with every row error (`row` as a spreadsheet shows it: header = row 1; blank lines count).",
        "`mode=apply` with any row error is 422 `import_failed` with the errors in `details` (`row 12.priceCents`) and writes nothing; otherwise every row is written",
        "in one transaction, one `catalog.products.imported` audit entry is recorded and one `catalog.changed` event published.",
      ].join(" "),
      access: "admin",
      request: { query: productImportQuery, body: csvText },
      // The CSV import's own body parser (5 MB, the contract's import limit), on this route only.
      bodyFormat: {
        contentType: "text/csv",
        maxBytes: PRODUCT_IMPORT_MAX_BYTES,
        unsupportedMessage: "Send the file as the request body with Content-Type: text/csv.",
      },
      responses: { 200: { description: "What was (apply) or would be (dry-run) imported.", schema: productImportResult } },
      errors: [400, ...adminWrite, "payload_too_large", "unsupported_media_type", "import_failed"],
      handler: ({ user, query, body, req }, catalog) => catalog.importProducts(user, body, query.mode, requestMeta(req)),
    }),
    route({
      method: "get",
      path: "/products/:id",
      operationId: "getProduct",
      summary: "Get a product by id or slug",
      description: `Archived products, and products of archived brands, are 404 except for staff and admins. ${revalidation}`,
      access: "public",
      before: [revalidate],
      request: { params: idOrSlugParams },
      responses: { 200: { description: "The product.", schema: product, headers: entityTagHeader } },
      errors: [400, 404],
      handler: ({ params, user }, catalog) => catalog.productBody(params.id, user),
    }),
    route({
      method: "post",
      path: "/products",
      operationId: "createProduct",
      summary: "Create a product",
      description: `Admins only. Prices in cents ≥ 0, stock ≥ 0; an unknown \`brandId\` is 400 \`validation_failed\` (details path \`brandId\`). Either \`priceCents\` + \`stock\` (one default variant) or \`options\` (0–3) + \`variants\` (1–100, each option value combination once; a taken SKU is 409 \`conflict\`). ${slugRule}`,
      access: "admin",
      request: { body: productCreate },
      responses: { 201: { description: "The new product.", schema: product } },
      errors: [400, ...adminWrite, "slug_taken", "conflict"],
      handler: ({ user, body, req }, catalog) => catalog.createProduct(user, body, requestMeta(req)),
    }),
    route({
      method: "patch",
      path: "/products/:id",
      operationId: "updateProduct",
      summary: "Change a product",
      description: [
        "Admins only. Any subset of the create body (use the stock endpoints for relative stock changes); an unknown `brandId` is 400, a taken `slug` 409 `slug_taken`. `variants` replaces the list (an `id` keeps that variant, unnamed ones are removed); `priceCents`/`stock` alone apply to the one variant of a product without options (400 otherwise).",
        ifMatchRule,
      ].join(" "),
      access: "admin",
      request: { params: idParams, body: productUpdate, headers: ifMatchHeaders },
      responses: { 200: { description: "The updated product.", schema: product, headers: entityTagHeader } },
      errors: [400, ...adminWrite, "not_found", "precondition_failed", "slug_taken", "conflict"],
      handler: async ({ user, params, body, headers, req, res }, catalog) =>
        withEntityTag(res, await catalog.updateProduct(user, params.id, body, requestMeta(req), parseIfMatch(headers["If-Match"]))),
    }),
    route({
      method: "delete",
      path: "/products/:id",
      operationId: "deleteProduct",
      summary: "Delete (or archive) a product",
      description: [
        "Admins only. A product that appears in any order is archived instead of deleted (status `archived`: hidden from shoppers, orders keep their lines); the answer is 204 either way and the audit trail records which happened (`catalog.product.deleted` or `catalog.product.archived`).",
        ifMatchRule,
      ].join(" "),
      access: "admin",
      request: { params: idParams, headers: ifMatchHeaders },
      responses: { 204: { description: "Deleted, or archived because orders reference it." } },
      errors: [400, ...adminWrite, "not_found", "precondition_failed"],
      handler: ({ user, params, headers, req }, catalog) => catalog.deleteProduct(user, params.id, requestMeta(req), parseIfMatch(headers["If-Match"])),
    }),
    route({
      method: "post",
      path: "/products/:id/stock",
      operationId: "adjustProductStock",
      summary: "Adjust a product's stock",
      description:
        "Admins only. Adds `delta` (a non-zero integer, may be negative) to the stock of the product's one variant in one atomic statement; concurrent adjustments never lose updates. A change that would take the stock below zero is 409 `out_of_stock` and changes nothing; a product with options is 409 `conflict` (adjust a variant instead).",
      access: "admin",
      request: { params: idParams, body: stockAdjust },
      responses: { 200: { description: "The product with its new stock.", schema: product } },
      errors: [400, ...adminWrite, "not_found", "out_of_stock", "conflict"],
      handler: ({ user, params, body, req }, catalog) => catalog.adjustStock(user, params.id, body.delta, requestMeta(req)),
    }),
    route({
      method: "post",
      path: "/products/:id/variants/:variantId/stock",
      operationId: "adjustVariantStock",
      summary: "Adjust one variant's stock",
      description:
        "Admins only. Adds `delta` (a non-zero integer, may be negative) to the variant's stock and its product's total, atomically. A change that would take the stock below zero is 409 `out_of_stock` and changes nothing; a variant of another product is 404.",
      access: "admin",
      request: { params: variantParams, body: stockAdjust },
      responses: { 200: { description: "The product with the variant's new stock.", schema: product } },
      errors: [400, ...adminWrite, "not_found", "out_of_stock"],
      handler: ({ user, params, body, req }, catalog) => catalog.adjustStock(user, params.id, body.delta, requestMeta(req), params.variantId),
    }),
  ],
);
