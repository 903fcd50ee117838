import { userListQuery } from "@shared/contracts/users";
import { toQueryString } from "@client/lib/api";
import type { UserFilters } from "./api/users";

export const USERS_PATH = "/admin/users";

/** Filters from the URL, each checked with the contract's schema; a bad value is dropped, not fatal. */
export function parseUserFilters(search: string): UserFilters {
  const params = new URLSearchParams(search);
  const q = userListQuery.shape.q.safeParse(params.get("q") ?? undefined);
  const role = userListQuery.shape.role.safeParse(params.get("role") ?? undefined);
  return {
    q: q.success ? q.data : undefined,
    role: role.success ? role.data : undefined,
  };
}

export const usersHref = (filters: UserFilters): string => `${USERS_PATH}${toQueryString({ q: filters.q, role: filters.role })}`;
