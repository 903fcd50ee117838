import { Leaf } from "lucide-react";
import { Redirect, Route, Switch } from "wouter";
import { ConsolePageHeader } from "@client/app/console-shell";
import { EmptyState } from "@client/components/ui/empty-state";
import { useUrlFilters } from "@client/lib/url-filters";
import { BrandList } from "@client/features/catalog-admin/components/brand-list";
import { CatalogTabs } from "@client/features/catalog-admin/components/catalog-tabs";
import { ProductList } from "@client/features/catalog-admin/components/product-list";
import { SectorList } from "@client/features/catalog-admin/components/sector-list";
import { adminBrandFilters, adminProductFilters, adminSectorFilters, CATALOG_PATH, catalogPaths } from "@client/features/catalog-admin/search-params";
import { useRealtimeChannel } from "@client/features/realtime/use-realtime";

function ProductsTab() {
  const [filters, apply] = useUrlFilters(adminProductFilters);
  return (
    <>
      <title>Products · Catalog · Admin · FruitfulPlanet</title>
      <ProductList filters={filters} onFiltersChange={apply} />
    </>
  );
}

function BrandsTab() {
  const [filters, apply] = useUrlFilters(adminBrandFilters);
  return (
    <>
      <title>Brands · Catalog · Admin · FruitfulPlanet</title>
      <BrandList filters={filters} onFiltersChange={apply} />
    </>
  );
}

function SectorsTab() {
  const [filters, apply] = useUrlFilters(adminSectorFilters);
  return (
    <>
      <title>Sectors · Catalog · Admin · FruitfulPlanet</title>
      <SectorList filters={filters} onFiltersChange={apply} />
    </>
  );
}

/** /admin/catalog: products, brands and sectors as sub-routes (each tab has its own URL and filters). */
export default function CatalogPage() {
  // Live: another admin's edit or an import refreshes these tables (catalog.changed → the catalog key factories).
  useRealtimeChannel("catalog");
  return (
    <>
      <ConsolePageHeader title="Catalog" description="Sectors, brands and products: what the shop sells. Every change is recorded in the audit log." />
      <CatalogTabs />
      <Switch>
        <Route path={CATALOG_PATH}>
          <Redirect to={catalogPaths.products} replace />
        </Route>
        <Route path={catalogPaths.products} component={ProductsTab} />
        <Route path={catalogPaths.brands} component={BrandsTab} />
        <Route path={catalogPaths.sectors} component={SectorsTab} />
        <Route>
          <EmptyState icon={Leaf} title="This catalog page doesn't exist" description="Pick Products, Brands or Sectors above." />
        </Route>
      </Switch>
    </>
  );
}
