import { Images, Package } from "lucide-react";
import { useRef, useState } from "react";
import type { Product, ProductSort } from "@shared/contracts/catalog";
import { Button, buttonClasses } from "@client/components/ui/button";
import { EmptyState, NoMatchesState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { ActionsTh, Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { formatDate } from "@client/lib/dates";
import { formatMoney } from "@client/lib/format";
import type { AdminProductFilters } from "../api/keys";
import { productExportHref, useAdminProductPages, useDeleteProduct } from "../api/products";
import { catalogPaths, defaultAdminSort } from "../search-params";
import { DeleteDialog } from "./delete-dialog";
import { StatusBadge } from "./form-parts";
import { ImportDialog } from "./import-dialog";
import { RowActions } from "./list-parts";
import { ProductFiltersBar } from "./product-filters";
import { ProductFormDialog } from "./product-form-dialog";
import { ProductMediaDialog } from "./product-media-dialog";
import { ProductStockCell } from "./stock-adjuster";

/** aria-sort for a column, from the list's order. */
function sortOf(column: "name" | "price" | "added", sort: ProductSort): "ascending" | "descending" | undefined {
  if (column === "name" && sort === "name") return "ascending";
  if (column === "price" && (sort === "price" || sort === "-price")) return sort === "price" ? "ascending" : "descending";
  if (column === "added" && sort === "newest") return "descending";
  return undefined;
}

interface ProductListProps {
  /** The filters in the URL. */
  filters: AdminProductFilters;
  onFiltersChange: (filters: AdminProductFilters) => void;
}

/**
 * Every product, archived ones too: search, filters, sort and cursor paging from the URL; inline stock
 * changes; create, edit, delete (or archive) in dialogs; CSV export of the current filters and import.
 */
export function ProductList({ filters, onFiltersChange }: ProductListProps) {
  const query = useAdminProductPages(filters);
  const remove = useDeleteProduct();
  const listRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Product | "new" | null>(null);
  const [picturing, setPicturing] = useState<Product | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<Product | null>(null);
  const sort = filters.sort ?? defaultAdminSort(filters);
  const filtered = Boolean(filters.q || filters.sector || filters.brand || filters.status || filters.inStock);

  return (
    <div ref={listRef} tabIndex={-1} className="focus:outline-none">
      <div className="mb-4 flex flex-wrap justify-end gap-2">
        <a href={productExportHref(filters)} download className={buttonClasses({ variant: "secondary", className: "flex-1 sm:flex-none" })}>
          Export CSV<span className="sr-only"> of the products matching these filters</span>
        </a>
        <Button variant="secondary" onClick={() => setImporting(true)} className="flex-1 sm:flex-none">
          Import CSV
        </Button>
        <Button onClick={() => setEditing("new")} className="w-full sm:w-auto">
          New product
        </Button>
      </div>
      <div className="mb-6">
        <ProductFiltersBar filters={filters} onChange={onFiltersChange} />
      </div>
      <ListScaffold
        noun="product"
        query={query}
        items={query.data?.pages.flatMap((page) => page.data) ?? []}
        pages={query}
        testId="product-count"
        empty={
          filtered ? (
            <NoMatchesState title="No products match these filters" description="Try other words or fewer filters." clearHref={catalogPaths.products} />
          ) : (
            <EmptyState icon={Package} title="No products yet" description="Create a product, or import many at once from a CSV file." />
          )
        }
      >
        {(rows) => (
          <Table caption="Products" busy={query.isFetching}>
            <THead>
              <tr>
                <Th aria-sort={sortOf("name", sort)}>Product</Th>
                <Th>Brand</Th>
                <Th aria-sort={sortOf("price", sort)} className="text-right">
                  Price
                </Th>
                <Th>Stock</Th>
                <Th>Status</Th>
                {/* The date matters least: it makes room for the actions below the widest screens. */}
                <Th aria-sort={sortOf("added", sort)} className="hidden 2xl:table-cell">
                  Added
                </Th>
                <ActionsTh />
              </tr>
            </THead>
            <TBody>
              {rows.map((product) => (
                <Tr key={product.id} data-testid="product-row">
                  <Td>
                    <span className="flex items-center gap-3">
                      <img
                        src={product.imageUrl}
                        alt=""
                        width={40}
                        height={40}
                        loading="lazy"
                        className="size-10 shrink-0 rounded-lg bg-stone-100 object-cover"
                      />
                      <span className="min-w-0">
                        <span className="block max-w-32 truncate font-medium text-stone-900 2xl:max-w-56" title={product.name}>
                          {product.name}
                        </span>
                        <span className="block max-w-32 truncate font-mono text-xs text-stone-600 2xl:max-w-56" data-testid="product-slug">
                          {product.slug}
                        </span>
                      </span>
                    </span>
                  </Td>
                  <Td>
                    <span className="block whitespace-nowrap">{product.brand.name}</span>
                    <span className="block whitespace-nowrap text-xs text-stone-600">{product.sector.name}</span>
                  </Td>
                  <Td className="whitespace-nowrap text-right font-medium tabular-nums">{formatMoney(product.priceCents, product.currency)}</Td>
                  <Td>
                    <ProductStockCell product={product} onEditVariants={() => setEditing(product)} />
                  </Td>
                  <Td>
                    <StatusBadge status={product.status} />
                  </Td>
                  <Td className="hidden whitespace-nowrap text-stone-600 2xl:table-cell">
                    <time dateTime={product.createdAt}>{formatDate(product.createdAt)}</time>
                  </Td>
                  <Td>
                    <span className="flex justify-end">
                      {/* An icon below 2xl: with the word, the row's Delete left the table at 1366 px. */}
                      <Button variant="ghost" size="sm" onClick={() => setPicturing(product)} title="Pictures">
                        <Images aria-hidden="true" className="size-4 2xl:hidden" />
                        <span className="sr-only 2xl:not-sr-only">Pictures</span>
                        <span className="sr-only"> of {product.name}</span>
                      </Button>
                      <RowActions name={product.name} onEdit={() => setEditing(product)} onDelete={() => setDeleting(product)} />
                    </span>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </ListScaffold>
      {editing && <ProductFormDialog product={editing === "new" ? undefined : editing} brandSlug={filters.brand} onClose={() => setEditing(null)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      {picturing && <ProductMediaDialog product={picturing} onClose={() => setPicturing(null)} />}
      {deleting && (
        <DeleteDialog
          key={deleting.id}
          item={deleting}
          noun="product"
          description="Products that appear in orders are archived instead: they leave the shop but stay on past orders. Other products are deleted for good."
          remove={remove}
          conflictMessage="This product could not be deleted."
          doneToast={(outcome) =>
            outcome === "archived"
              ? { title: `${deleting.name} was archived`, description: "It appears in orders, so it was archived instead of deleted.", tone: "success" }
              : { title: `${deleting.name} was deleted`, tone: "success" }
          }
          onClose={() => setDeleting(null)}
          fallbackFocusRef={listRef}
        />
      )}
    </div>
  );
}
