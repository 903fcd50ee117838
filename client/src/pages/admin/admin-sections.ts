import { lazy, type ComponentType, type LazyExoticComponent } from "react";

export interface AdminSection {
  /** The section's root; it also owns every path below it (/admin/catalog/products/…). */
  href: string;
  label: string;
  /** One line for the admin overview card. */
  description: string;
  icon: string;
  /** A lazy page: each section is its own chunk. */
  page: LazyExoticComponent<ComponentType>;
}

/**
 * The admin console's sections, in sidebar order. Adding one is one line here: the sidebar, the overview
 * cards and the routes all come from this list.
 */
export const adminSections: readonly AdminSection[] = [
  { href: "/admin/users", label: "Users", icon: "👥", description: "Find accounts, change roles, remove accounts.", page: lazy(() => import("./users-page")) },
  { href: "/admin/audit", label: "Audit log", icon: "📜", description: "Who signed in, registered or changed what, and when.", page: lazy(() => import("./audit-page")) },
  { href: "/admin/catalog", label: "Catalog", icon: "🍎", description: "Sectors, brands, products, stock and CSV import.", page: lazy(() => import("./catalog-placeholder-page")) },
  { href: "/admin/orders", label: "Orders", icon: "📦", description: "Every order, its payments and its status.", page: lazy(() => import("./orders-placeholder-page")) },
];

export const isSectionActive = (section: AdminSection, location: string): boolean => location === section.href || location.startsWith(`${section.href}/`);
