import { userListQuery } from "@shared/contracts/users";
import { readParams, type UrlFilterCodec } from "@client/lib/url-filters";
import type { UserFilters } from "./api/users";

export const USERS_PATH = "/admin/users";

export const userFilters: UrlFilterCodec<UserFilters> = {
  path: USERS_PATH,
  parse: (params) => readParams(params, userListQuery.shape, ["q", "role"]),
  toParams: (filters) => ({ q: filters.q, role: filters.role }),
};
