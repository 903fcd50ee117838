import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import {
  Apple as AppleIcon,
  Mail as MailIcon,
  Package as PackageIcon,
  Palette as PaletteIcon,
  ScrollText as ScrollTextIcon,
  Settings as SettingsIcon,
  TriangleAlert as TriangleAlertIcon,
  Users as UsersIcon,
  Webhook as WebhookIcon,
  type LucideIcon,
} from "lucide-react";
import type { Role } from "@shared/contracts/auth";
import { isUnderPath, sectionRoles } from "./admin-access";

export interface AdminSection {
  /** The section's root; it also owns every path below it (/admin/catalog/products/…). */
  href: string;
  label: string;
  /** One line for the admin overview card. */
  description: string;
  /** An SVG icon (lucide), not an emoji: emoji are boxes without an emoji font (issue 13). */
  icon: LucideIcon;
  /** A lazy page: each section is its own chunk. */
  page: LazyExoticComponent<ComponentType>;
  /** Who may open it; admins only unless listed (App.tsx guards the route with the same roles). */
  roles?: readonly Role[];
}

/**
 * The admin console's sections, in sidebar order. Adding one is one line here: the sidebar, the overview
 * cards and the routes all come from this list.
 */
export const adminSections: readonly AdminSection[] = [
  {
    href: "/admin/users",
    label: "Users",
    icon: UsersIcon,
    description: "Find accounts, change roles, remove accounts.",
    page: lazy(() => import("./users-page")),
  },
  {
    href: "/admin/audit",
    label: "Audit log",
    icon: ScrollTextIcon,
    description: "Who signed in, registered or changed what, and when.",
    page: lazy(() => import("./audit-page")),
  },
  {
    href: "/admin/catalog",
    label: "Catalog",
    icon: AppleIcon,
    description: "Sectors, brands, products, stock and CSV import.",
    page: lazy(() => import("./catalog-page")),
  },
  {
    href: "/admin/orders",
    label: "Orders",
    icon: PackageIcon,
    description: "Every order, its payments and its status.",
    page: lazy(() => import("./orders-page")),
    roles: sectionRoles["/admin/orders"],
  },
  {
    href: "/admin/outbox",
    label: "Outbox",
    icon: MailIcon,
    description: "Every e-mail sent or stored, with its HTML and text.",
    page: lazy(() => import("./outbox-page")),
  },
  {
    href: "/admin/mail-templates",
    label: "Mail templates",
    icon: PaletteIcon,
    description: "Preview every e-mail template with demo data.",
    page: lazy(() => import("./mail-templates-page")),
  },
  {
    href: "/admin/webhooks",
    label: "Webhooks",
    icon: WebhookIcon,
    description: "Endpoints, signing secrets, deliveries and retries.",
    page: lazy(() => import("./webhooks-page")),
  },
  {
    href: "/admin/jobs",
    label: "Failed jobs",
    icon: TriangleAlertIcon,
    description: "Background jobs that ran out of retries, with their errors; retry them.",
    page: lazy(() => import("./failed-jobs-page")),
  },
  {
    href: "/admin/settings",
    label: "Settings",
    icon: SettingsIcon,
    description: "Feature flags (maintenance, registration, guest checkout, low stock) and the cache purge.",
    page: lazy(() => import("./settings-page")),
  },
];

/** Staff open the console for the sections that list their role (orders); everything else stays admin-only. */
export const canOpenSection = (section: AdminSection, role: Role | undefined): boolean => role !== undefined && (section.roles ?? ["admin"]).includes(role);

export const isSectionActive = (section: AdminSection, location: string): boolean => isUnderPath(section.href, location);
