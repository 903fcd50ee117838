import type { Role } from "@shared/contracts/auth";

/** Display names for the contract's roles (kept here so the header needs no zod at runtime). */
export const roleLabels: Record<Role, string> = { customer: "Customer", staff: "Staff", admin: "Admin" };

/** Higher sees more: used to tell promotions from demotions. */
export const roleRank: Record<Role, number> = { customer: 0, staff: 1, admin: 2 };

export const isDemotion = (from: Role, to: Role): boolean => roleRank[to] < roleRank[from];
