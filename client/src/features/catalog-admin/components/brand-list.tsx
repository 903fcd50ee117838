import { Tag } from "lucide-react";
import { useCallback, useId, useRef, useState } from "react";
import { Link } from "wouter";
import type { Brand } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";
import { EmptyState, NoMatchesState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { labelClasses } from "@client/components/ui/field-styles";
import { SearchBox } from "@client/components/ui/search-box";
import { Select } from "@client/components/ui/select";
import { ActionsTh, Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { formatCount } from "@client/lib/format";
import { filtersHref } from "@client/lib/url-filters";
import { useAdminBrandPages, useDeleteBrand } from "../api/brands";
import type { AdminBrandFilters } from "../api/keys";
import { useAdminSectors } from "../api/sectors";
import { adminProductFilters, catalogPaths } from "../search-params";
import { BrandFormDialog } from "./brand-form-dialog";
import { DeleteDialog } from "./delete-dialog";
import { StatusBadge } from "./form-parts";
import { RowActions, sectorFilterOptions } from "./list-parts";

interface BrandListProps {
  /** The filters in the URL. */
  filters: AdminBrandFilters;
  onFiltersChange: (filters: AdminBrandFilters) => void;
}

/** Brands with server-side search, a sector filter and cursor paging; create, edit and delete in dialogs. */
export function BrandList({ filters, onFiltersChange }: BrandListProps) {
  const id = useId();
  const query = useAdminBrandPages(filters);
  const sectors = useAdminSectors();
  const remove = useDeleteBrand();
  const listRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Brand | "new" | null>(null);
  const [deleting, setDeleting] = useState<Brand | null>(null);
  const search = useCallback((q: string | undefined) => onFiltersChange({ ...filters, q }), [filters, onFiltersChange]);
  const filtered = Boolean(filters.q || filters.sector);

  return (
    <div ref={listRef} tabIndex={-1} className="focus:outline-none">
      <div className="mb-6 flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <form role="search" aria-label="Filter brands" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-4 sm:flex-row sm:items-end">
          <SearchBox label="Search brands" value={filters.q} onSearch={search} placeholder="Brand name" className="sm:w-72" />
          <div className="sm:w-56">
            <label htmlFor={`${id}-sector`} className={labelClasses}>
              Sector
            </label>
            <Select
              id={`${id}-sector`}
              value={filters.sector ?? ""}
              onChange={(e) => onFiltersChange({ ...filters, sector: e.target.value || undefined })}
              placeholderOption="All sectors"
              options={sectorFilterOptions(sectors.data, filters.sector)}
              className="mt-1.5"
            />
          </div>
        </form>
        <Button onClick={() => setEditing("new")}>New brand</Button>
      </div>
      <ListScaffold
        noun="brand"
        query={query}
        items={query.data?.pages.flatMap((page) => page.data) ?? []}
        pages={query}
        testId="brand-count"
        empty={
          filtered ? (
            <NoMatchesState title="No brands match these filters" description="Try other words, or show every sector." clearHref={catalogPaths.brands} />
          ) : (
            <EmptyState icon={Tag} title="No brands yet" description="Create a brand in one of the sectors, then add its products." />
          )
        }
      >
        {(brands) => (
          <Table caption="Brands" busy={query.isFetching}>
            <THead>
              <tr>
                <Th>Brand</Th>
                <Th>Sector</Th>
                <Th className="text-right">Products</Th>
                <Th>Status</Th>
                <ActionsTh />
              </tr>
            </THead>
            <TBody>
              {brands.map((brand) => (
                <Tr key={brand.id} data-testid="brand-row">
                  <Td>
                    <span className="block whitespace-nowrap font-medium text-stone-900">{brand.name}</span>
                    <span className="block font-mono text-xs text-stone-600" data-testid="brand-slug">
                      {brand.slug}
                    </span>
                  </Td>
                  <Td className="whitespace-nowrap">{brand.sector.name}</Td>
                  <Td className="text-right tabular-nums">
                    <Link
                      href={filtersHref(adminProductFilters, { brand: brand.slug })}
                      className="font-medium text-brand-800 underline-offset-2 hover:underline"
                    >
                      {formatCount(brand.productCount)}
                      <span className="sr-only"> products of {brand.name}</span>
                    </Link>
                  </Td>
                  <Td>
                    <StatusBadge status={brand.status} />
                  </Td>
                  <Td>
                    <RowActions name={brand.name} onEdit={() => setEditing(brand)} onDelete={() => setDeleting(brand)} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </ListScaffold>
      {editing && <BrandFormDialog brand={editing === "new" ? undefined : editing} sectorSlug={filters.sector} onClose={() => setEditing(null)} />}
      {deleting && (
        <DeleteDialog
          key={deleting.id}
          item={deleting}
          noun="brand"
          description={
            deleting.productCount > 0
              ? `It still has ${deleting.productCount === 1 ? "1 product" : `${formatCount(deleting.productCount)} products`}: a brand can only be deleted once its products are moved or deleted.`
              : "The brand leaves the storefront. This cannot be undone."
          }
          remove={remove}
          conflictMessage="This brand still has products. Move or delete them first."
          onClose={() => setDeleting(null)}
          fallbackFocusRef={listRef}
        />
      )}
    </div>
  );
}
