import type { ProductExportFilters, ProductImportMode, ProductImportResult, ProductImportRowError } from "@shared/contracts/catalog";
import type { TxScope } from "../../db";
import { AppError } from "../../lib/app-error";
import type { RequestMeta } from "../audit/audit.service";
import { parseProductCsv, rowErrorsAsDetails } from "./catalog-csv";
import { cellPlace } from "./csv-messages";
import { assertAdmin, visibilityFor, type CatalogActor } from "./catalog-access";
import type { CatalogCache } from "./catalog-cache";
import { filterCriteria } from "./catalog-reads.service";
import type { CatalogWriter } from "./catalog-writer";
import type { CatalogRepo } from "./catalog.repo";
import { groupBySlug, planVariants, type VariantPlan } from "./product-csv-variants";
import { importedProductDraft, productCsvRecords, sameAsStored, type ProductCsvRecord, type ProductDraft } from "./product.mapper";

const EXPORT_BATCH = 500;

/** Products out as CSV records (the route writes the file) and in from a CSV file, matched by slug. */
export function createProductCsv(
  repo: CatalogRepo,
  { write, record, announce, announcing, replaceVariants }: CatalogWriter,
  { changed }: Pick<CatalogCache, "changed">,
) {
  /** product.created / product.updated for every imported product, in the import's transaction (when anyone listens). */
  async function announceImported(type: "product.created" | "product.updated", ids: string[], tx: TxScope) {
    if (ids.length === 0 || !(await announcing(type, tx))) return;
    for (const id of ids) await announce(type, (await repo.findProduct(id, tx))!.product, tx);
  }

  return {
    /**
     * The filtered products (the list's filters; `status` for staff) as records for the CSV export,
     * fetched in keyset batches by slug. The first batch is read before this resolves, so a bad
     * request or a database failure is still an ordinary error response.
     */
    async exportProducts(actor: CatalogActor | undefined, query: ProductExportFilters): Promise<AsyncIterable<ProductCsvRecord>> {
      assertAdmin(actor);
      const criteria = filterCriteria(query, visibilityFor(query.status, actor));
      let batch = await repo.exportProducts(criteria, undefined, EXPORT_BATCH);
      return (async function* () {
        for (;;) {
          for (const product of batch) yield* productCsvRecords(product);
          if (batch.length < EXPORT_BATCH) return;
          batch = await repo.exportProducts(criteria, batch.at(-1)!.slug, EXPORT_BATCH);
        }
      })();
    },

    /**
     * Creates or updates products from CSV, matched by slug. `dry-run` reports what `apply` would do
     * and every row error; `apply` with any row error is 422 import_failed and writes nothing,
     * otherwise it writes every row in one transaction and records one audit entry.
     */
    async importProducts(actor: CatalogActor | undefined, csv: string, mode: ProductImportMode, meta: RequestMeta): Promise<ProductImportResult> {
      assertAdmin(actor);
      const parsed = parseProductCsv(csv);

      /** Resolves brands, checks rows against stored products, and says what would change. */
      const plan = async (tx?: TxScope) => {
        const errors: ProductImportRowError[] = [...parsed.errors];
        const brandIds = await repo.brandIdsBySlug(
          parsed.valid.map((r) => r.data.brandSlug),
          tx,
        );
        const existing = await repo.productsBySlug(
          parsed.valid.map((r) => r.data.slug),
          tx,
        );
        const creates: ProductDraft[] = [];
        const updates: ProductDraft[] = [];
        /** Products whose variant list the import rewrites, by slug. */
        const variantWrites = new Map<string, VariantPlan>();
        let unchangedRowsWithNewVariants = 0;
        for (const group of groupBySlug(parsed.valid, errors)) {
          const row = group.first;
          const brandId = brandIds.get(row.data.brandSlug);
          if (!brandId) {
            errors.push({
              row: row.row,
              column: "brandSlug",
              message: `${cellPlace(row.row, "brandSlug")}: no brand has the slug "${row.data.brandSlug}". Create the brand first or use an existing brand's slug.`,
            });
            continue;
          }
          const stored = existing.get(row.data.slug);
          const variants = planVariants(group, stored, errors);
          if (!variants) continue;
          // The product's price and stock follow from its variants (the lowest price, the total).
          const draft = {
            ...importedProductDraft(row.data, brandId, stored),
            priceCents: Math.min(...variants.variants.map((v) => v.priceCents)),
            stock: variants.variants.reduce((sum, v) => sum + v.stock, 0),
          };
          if (variants.changed) variantWrites.set(row.data.slug, variants);
          if (!stored) creates.push(draft);
          else if (!sameAsStored(stored, draft)) updates.push(draft);
          else if (variants.changed) unchangedRowsWithNewVariants++;
        }
        errors.sort((a, b) => a.row - b.row);
        return { errors, creates, updates, variantWrites, variantOnlyUpdates: unchangedRowsWithNewVariants };
      };

      if (mode === "dry-run") {
        const { errors, creates, updates, variantOnlyUpdates } = await plan();
        return { mode, rows: parsed.rows, created: creates.length, updated: updates.length + variantOnlyUpdates, errors };
      }

      const { created, updated } = await write(async (tx) => {
        const { errors, creates, updates, variantWrites } = await plan(tx);
        if (errors.length > 0) {
          throw new AppError(
            "import_failed",
            `${new Set(errors.map((e) => e.row)).size} of ${parsed.rows} rows have errors; nothing was imported.`,
            rowErrorsAsDetails(errors),
          );
        }
        const ids = await repo.upsertProducts([...creates, ...updates], tx);
        // Then the variant lists that differ (new products got their default variant from the insert trigger).
        const variantIds = variantWrites.size ? await repo.productsBySlug([...variantWrites.keys()], tx) : new Map();
        for (const [slug, plan] of variantWrites) await replaceVariants(variantIds.get(slug)!.id, plan.options, plan.variants, tx);
        const variantOnly = [...variantWrites.keys()]
          .map((slug) => variantIds.get(slug)!.id as string)
          .filter((id) => !ids.created.includes(id) && !ids.updated.includes(id));
        ids.updated.push(...variantOnly);
        const counts = { created: ids.created.length, updated: ids.updated.length };
        await record(actor, "catalog.products.imported", { type: "products", id: "*" }, { rows: parsed.rows, ...counts }, meta, tx);
        await announceImported("product.created", ids.created, tx);
        await announceImported("product.updated", ids.updated, tx);
        return counts;
      });
      if (created + updated > 0) await changed("product", "*");
      return { mode, rows: parsed.rows, created, updated, errors: [] };
    },
  };
}
