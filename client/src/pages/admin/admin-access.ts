import type { Role } from "@shared/contracts/auth";

// Who may open which /admin path, apart from admin-sections.ts (its lazy pages, labels and icons) so the
// storefront's entry, whose router guards /admin, carries only this table (issue 13, initial JS budget).

/** Sections open to more than admins, by their root path; every other /admin path is admins only. */
export const sectionRoles: Readonly<Record<string, readonly Role[]>> = {
  "/admin/orders": ["staff", "admin"],
};

export const isUnderPath = (root: string, location: string): boolean => location === root || location.startsWith(`${root}/`);

/** The roles App.tsx lets into this /admin path: its section's, or admins only (the overview, unknown paths). */
export const adminRolesFor = (location: string): readonly Role[] =>
  Object.entries(sectionRoles).find(([root]) => isUnderPath(root, location))?.[1] ?? ["admin"];
