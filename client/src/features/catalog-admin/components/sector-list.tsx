import { FolderTree } from "lucide-react";
import { useCallback, useMemo, useRef, useState } from "react";
import { Link } from "wouter";
import type { Sector } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";
import { EmptyState, NoMatchesState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { SearchBox } from "@client/components/ui/search-box";
import { ActionsTh, Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { formatCount } from "@client/lib/format";
import { filtersHref } from "@client/lib/url-filters";
import type { AdminSectorFilters } from "../api/keys";
import { useAdminSectors, useDeleteSector } from "../api/sectors";
import { adminBrandFilters, catalogPaths } from "../search-params";
import { DeleteDialog } from "./delete-dialog";
import { RowActions } from "./list-parts";
import { SectorFormDialog } from "./sector-form-dialog";
import { SectorIcon } from "@client/features/catalog/components/sector-icon";

const matches = (sector: Sector, q: string) => {
  const words = q.toLowerCase();
  return sector.name.toLowerCase().includes(words) || sector.slug.includes(words) || sector.description.toLowerCase().includes(words);
};

interface SectorListProps {
  /** The filters in the URL. */
  filters: AdminSectorFilters;
  onFiltersChange: (filters: AdminSectorFilters) => void;
}

/**
 * Every sector. The API lists sectors whole (a shop has a handful), so the search filters the loaded list;
 * its words still live in the URL like the other tables' searches.
 */
export function SectorList({ filters, onFiltersChange }: SectorListProps) {
  const query = useAdminSectors();
  const remove = useDeleteSector();
  const listRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Sector | "new" | null>(null);
  const [deleting, setDeleting] = useState<Sector | null>(null);
  const search = useCallback((q: string | undefined) => onFiltersChange({ q }), [onFiltersChange]);
  const sectors = useMemo(() => (query.data ?? []).filter((s) => !filters.q || matches(s, filters.q)), [query.data, filters.q]);

  return (
    <div ref={listRef} tabIndex={-1} className="focus:outline-none">
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <form role="search" aria-label="Filter sectors" onSubmit={(e) => e.preventDefault()} className="sm:w-80">
          <SearchBox label="Search sectors" value={filters.q} onSearch={search} placeholder="Name or slug" />
        </form>
        <Button onClick={() => setEditing("new")}>New sector</Button>
      </div>
      <ListScaffold
        noun="sector"
        query={query}
        items={sectors}
        testId="sector-count"
        empty={
          filters.q ? (
            <NoMatchesState title="No sectors match this search" description="Try other words." clearHref={catalogPaths.sectors} clearLabel="Clear search" />
          ) : (
            <EmptyState icon={FolderTree} title="No sectors yet" description="Create the first sector, then add brands to it." />
          )
        }
      >
        {(rows) => (
          <Table caption="Sectors" busy={query.isFetching}>
            <THead>
              <tr>
                <Th>Sector</Th>
                <Th className="text-right">Brands</Th>
                <Th className="text-right">Products</Th>
                <ActionsTh />
              </tr>
            </THead>
            <TBody>
              {rows.map((sector) => (
                <Tr key={sector.id} data-testid="sector-row">
                  <Td>
                    <span className="flex items-center gap-3 whitespace-nowrap">
                      <SectorIcon emoji={sector.emoji} className="size-6 shrink-0 text-brand-700" />
                      <span>
                        <span className="block font-medium text-stone-900" data-testid="sector-name">
                          {sector.name}
                        </span>
                        <span className="block font-mono text-xs text-stone-600">{sector.slug}</span>
                      </span>
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">
                    <Link
                      href={filtersHref(adminBrandFilters, { sector: sector.slug })}
                      className="font-medium text-brand-800 underline-offset-2 hover:underline"
                    >
                      {formatCount(sector.brandCount)}
                      <span className="sr-only"> brands in {sector.name}</span>
                    </Link>
                  </Td>
                  <Td className="text-right tabular-nums">{formatCount(sector.productCount)}</Td>
                  <Td>
                    <RowActions name={sector.name} onEdit={() => setEditing(sector)} onDelete={() => setDeleting(sector)} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </ListScaffold>
      {editing && <SectorFormDialog sector={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <DeleteDialog
          key={deleting.id}
          item={deleting}
          noun="sector"
          description={
            deleting.brandCount > 0
              ? `It still has ${deleting.brandCount === 1 ? "1 brand" : `${formatCount(deleting.brandCount)} brands`}: a sector can only be deleted once its brands are moved or deleted.`
              : "The sector leaves the storefront. This cannot be undone."
          }
          remove={remove}
          conflictMessage="This sector still has brands. Move or delete them first."
          onClose={() => setDeleting(null)}
          fallbackFocusRef={listRef}
        />
      )}
    </div>
  );
}
