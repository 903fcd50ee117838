import { Link, useLocation } from "wouter";
import { catalogPaths } from "../search-params";

const tabs = [
  { href: catalogPaths.products, label: "Products" },
  { href: catalogPaths.brands, label: "Brands" },
  { href: catalogPaths.sectors, label: "Sectors" },
] as const;

/** The catalog's three tables are sub-routes: links (aria-current), so each has its own URL and history entry. */
export function CatalogTabs() {
  const [location] = useLocation();
  return (
    <nav aria-label="Catalog" className="mb-6 border-b border-stone-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => {
          const active = location === tab.href || location.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-11 items-center whitespace-nowrap border-b-2 px-4 text-sm font-semibold ${active ? "border-brand-700 text-brand-900" : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
