import { useCallback, useMemo } from "react";
import { useLocation, useSearch } from "wouter";
import { ConsolePageHeader } from "@client/app/console-shell";
import type { UserFilters } from "@client/features/users/api/users";
import { UserFiltersBar } from "@client/features/users/components/user-filters";
import { UserList } from "@client/features/users/components/user-list";
import { parseUserFilters, usersHref } from "@client/features/users/search-params";

/** Filters live in the URL (replace, not push: typing should not fill the history). */
export default function UsersPage() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const filters = useMemo(() => parseUserFilters(search), [search]);
  const current = `${location}${search ? `?${search}` : ""}`;
  const apply = useCallback(
    (next: UserFilters) => {
      const href = usersHref(next);
      if (href !== current) navigate(href, { replace: true });
    },
    [current, navigate],
  );

  return (
    <>
      <title>Users · Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Users" description="Search accounts, change roles and remove accounts. Every change is recorded in the audit log." />
      <div className="mb-6">
        <UserFiltersBar filters={filters} onChange={apply} />
      </div>
      <UserList filters={filters} />
    </>
  );
}
