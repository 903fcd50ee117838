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
import { importedProductDraft, sameAsStored, type ProductCsvRecord, type ProductDraft } from "./product.mapper";

const EXPORT_BATCH = 500;

/** Products out as CSV records (the route writes the file) and in from a CSV file, matched by slug. */
export function createProductCsv(repo: CatalogRepo, { write, record, announce, announcing }: CatalogWriter, { changed }: Pick<CatalogCache, "changed">) {
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
          yield* batch;
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
        for (const row of parsed.valid) {
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
          const draft = importedProductDraft(row.data, brandId, stored);
          if (!stored) creates.push(draft);
          else if (!sameAsStored(stored, draft)) updates.push(draft);
        }
        errors.sort((a, b) => a.row - b.row);
        return { errors, creates, updates };
      };

      if (mode === "dry-run") {
        const { errors, creates, updates } = await plan();
        return { mode, rows: parsed.rows, created: creates.length, updated: updates.length, errors };
      }

      const { created, updated } = await write(async (tx) => {
        const { errors, creates, updates } = await plan(tx);
        if (errors.length > 0) {
          throw new AppError(
            "import_failed",
            `${new Set(errors.map((e) => e.row)).size} of ${parsed.rows} rows have errors; nothing was imported.`,
            rowErrorsAsDetails(errors),
          );
        }
        const ids = await repo.upsertProducts([...creates, ...updates], tx);
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
