import type { Role } from "@shared/contracts/auth";

export interface AccountLink {
  href: string;
  label: string;
  /** Who sees the link in the account menu. */
  roles: readonly Role[];
}

const everyone: readonly Role[] = ["customer", "staff", "admin"];

/** The account menu's links, by role. A new area (orders, say) is one more line here. */
export const accountLinks: readonly AccountLink[] = [
  { href: "/account", label: "Your account", roles: everyone },
  { href: "/orders", label: "Your orders", roles: everyone },
  // Admins reach orders through the Admin console; staff have no other way in.
  { href: "/admin/orders", label: "Manage orders", roles: ["staff"] },
  { href: "/dashboard", label: "Dashboard", roles: ["staff", "admin"] },
  { href: "/admin", label: "Admin", roles: ["admin"] },
];

export const accountLinksFor = (role: Role) => accountLinks.filter((link) => link.roles.includes(role));
