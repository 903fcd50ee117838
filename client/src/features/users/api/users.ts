import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import type { User } from "@shared/contracts/auth";
import type { ListOf } from "@shared/contracts/common";
import type { UserListFilters, UserListQuery, UserUpdate } from "@shared/contracts/users";
import { api, cursorPaging, ifMatch } from "@client/lib/api";
import { authKeys } from "@client/features/auth/api/auth";
import { auditKeys } from "@client/features/audit/api/audit";

/** What the admin list filters by (the contract's list query minus paging). */
export type UserFilters = Partial<Pick<UserListFilters, "q" | "role">>;

export type UserPage = ListOf<User>;
export const USER_PAGE_SIZE = 25;

/** The users feature's one query-key factory. */
export const usersKeys = {
  all: ["users"] as const,
  lists: () => [...usersKeys.all, "list"] as const,
  list: (filters: UserFilters, pageSize: number) => [...usersKeys.lists(), filters, pageSize] as const,
  /** Mutation keys, so a list can show every change in flight (useMutationState). */
  update: () => [...usersKeys.all, "update"] as const,
  remove: () => [...usersKeys.all, "delete"] as const,
};

export const userPagesOptions = (filters: UserFilters, pageSize = USER_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: usersKeys.list(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api.get<UserPage>("/api/v1/users", { q: filters.q, role: filters.role, limit: pageSize, cursor: pageParam } satisfies UserListQuery, signal),
    ...cursorPaging,
  });

export const useUserPages = (filters: UserFilters) => useInfiniteQuery(userPagesOptions(filters));

type CachedPages = InfiniteData<UserPage, string | undefined>;

/** Applies a change to every cached list page at once, so the row updates before the refetch lands. */
function editCachedUsers(queryClient: QueryClient, edit: (users: User[]) => User[]): void {
  queryClient.setQueriesData<CachedPages>({ queryKey: usersKeys.lists() }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, data: edit(page.data) })) } : data,
  );
}

/** After any user write: lists refetch (a role filter may no longer match), the audit log has a new row. */
function afterUserWrite(queryClient: QueryClient, userId: string): void {
  void queryClient.invalidateQueries({ queryKey: usersKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  // Editing yourself (a demotion, say) changes what you may see.
  const me = queryClient.getQueryData<User | null>(authKeys.me());
  if (me?.id === userId) void queryClient.invalidateQueries({ queryKey: authKeys.me() });
}

const userPath = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;

/** The account as it is now (after a 412: what the other admin saved). */
export const fetchUser = (id: string) => api.get<User>(userPath(id));

/** A change names the version it was made on: a stale one is 412 precondition_failed (ADR 056). */
export interface UserChange {
  id: string;
  patch: UserUpdate;
  version: number;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: usersKeys.update(),
    mutationFn: ({ id, patch, version }: UserChange) => api.patch<User>(userPath(id), patch, { headers: ifMatch(version) }),
    onSuccess: (updated) => {
      editCachedUsers(queryClient, (users) => users.map((u) => (u.id === updated.id ? updated : u)));
      afterUserWrite(queryClient, updated.id);
    },
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: usersKeys.remove(),
    mutationFn: (id: string) => api.delete(userPath(id)),
    onSuccess: (_void, id) => {
      editCachedUsers(queryClient, (users) => users.filter((u) => u.id !== id));
      afterUserWrite(queryClient, id);
    },
  });
}
