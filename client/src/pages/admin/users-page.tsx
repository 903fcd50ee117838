import { ConsolePageHeader } from "@client/app/console-shell";
import { UserFiltersBar } from "@client/features/users/components/user-filters";
import { UserList } from "@client/features/users/components/user-list";
import { userFilters } from "@client/features/users/search-params";
import { useUrlFilters } from "@client/lib/url-filters";

export default function UsersPage() {
  const [filters, apply] = useUrlFilters(userFilters);

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
