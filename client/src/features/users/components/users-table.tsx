import type { Role, User } from "@shared/contracts/auth";
import { roles } from "@shared/contracts/auth";
import { Button } from "@client/components/ui/button";
import { Select } from "@client/components/ui/select";
import { Spinner } from "@client/components/ui/skeleton";
import { ActionsTh, Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { roleLabels } from "@client/features/auth/roles";
import { formatDate } from "@client/lib/dates";

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

interface UsersTableProps {
  users: User[];
  /** The signed-in admin: their own row says "You" and cannot be deleted from here. */
  currentUserId?: string;
  /** Role changes in flight, by user id (the select shows the new role and a spinner). */
  pendingRoles: ReadonlyMap<string, Role>;
  busy?: boolean;
  onRoleChange: (user: User, role: Role) => void;
  onDelete: (user: User) => void;
}

export function UsersTable({ users, currentUserId, pendingRoles, busy, onRoleChange, onDelete }: UsersTableProps) {
  return (
    <Table caption="Users" busy={busy}>
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Joined</Th>
          <ActionsTh />
        </tr>
      </THead>
      <TBody>
        {users.map((user) => {
          const pendingRole = pendingRoles.get(user.id);
          const isSelf = user.id === currentUserId;
          return (
            <Tr key={user.id} data-testid="user-row">
              <Td className="whitespace-nowrap font-medium text-stone-900">
                <span className="flex items-center gap-2">
                  {user.name}
                  {isSelf && <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">You</span>}
                </span>
              </Td>
              <Td className="whitespace-nowrap text-stone-700">{user.email}</Td>
              <Td>
                <span className="flex items-center gap-2">
                  <Select
                    aria-label={`Role for ${user.name}`}
                    value={pendingRole ?? user.role}
                    disabled={pendingRole !== undefined}
                    onChange={(e) => onRoleChange(user, e.target.value as Role)}
                    options={roleOptions}
                    className="h-9 w-32 min-w-32"
                  />
                  {pendingRole !== undefined && <Spinner label={`Saving ${user.name}'s role`} className="text-brand-700" />}
                </span>
              </Td>
              <Td className="whitespace-nowrap text-stone-600">
                <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
              </Td>
              <Td className="text-right">
                {!isSelf && (
                  <Button variant="ghost" size="sm" onClick={() => onDelete(user)} className="text-red-700 hover:bg-red-50 hover:text-red-800">
                    Delete<span className="sr-only"> {user.name}</span>
                  </Button>
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
