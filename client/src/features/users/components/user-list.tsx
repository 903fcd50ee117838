import { Users } from "lucide-react";
import { useMutationState, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import type { Role, User } from "@shared/contracts/auth";
import type { UserUpdate } from "@shared/contracts/users";
import { ConfirmDialog } from "@client/components/ui/confirm-dialog";
import { Dialog } from "@client/components/ui/dialog";
import { EditConflictPanel, useEditConflict, type ConflictFields } from "@client/components/ui/edit-conflict";
import { EmptyState, NoMatchesState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { useToast } from "@client/components/ui/toast";
import { useMe } from "@client/features/auth/api/auth";
import { isDemotion, roleLabels } from "@client/features/auth/roles";
import { fetchUser, useDeleteUser, useUpdateUser, useUserPages, usersKeys, type UserChange, type UserFilters } from "../api/users";
import { USERS_PATH } from "../search-params";
import { UsersTable } from "./users-table";

interface PendingConfirm<T> {
  user: User;
  value: T;
  error?: string;
}

/** What the role conflict panel compares (ADR 056): another admin may have renamed the account or changed its role. */
const userConflictFields: ConflictFields<User> = { name: { label: "Name" }, email: { label: "Email" }, role: { label: "Role" } };

/** What a demotion to `role` takes away, said to the admin about someone else or about themselves. */
function demotionWarning(role: Role, self: boolean): string {
  const who = self ? "You" : "They";
  if (role === "staff") return `${who} will lose access to the admin console: users, roles, catalog and the audit log.`;
  return `${who} will lose access to the staff dashboard and to every order but ${self ? "your" : "their"} own.`;
}

/** The admin users list: filters from the URL, role changes (demotions confirmed first), deletion with confirmation. */
export function UserList({ filters }: { filters: UserFilters }) {
  const query = useUserPages(filters);
  const me = useMe();
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const listRef = useRef<HTMLDivElement>(null);
  const [demotion, setDemotion] = useState<PendingConfirm<Role> | null>(null);
  const [deletion, setDeletion] = useState<PendingConfirm<null> | null>(null);

  // Every role change in flight (one admin may change several rows at once).
  const inFlight = useMutationState({
    filters: { mutationKey: usersKeys.update(), status: "pending" },
    select: (mutation) => mutation.state.variables as UserChange | undefined,
  });
  const pendingRoles = useMemo(() => new Map(inFlight.flatMap((v) => (v?.patch.role ? [[v.id, v.patch.role] as const] : []))), [inFlight]);

  const errorMessage = (error: unknown) => (error instanceof Error ? error.message : "The role could not be changed.");
  /** A 412: another admin changed the account since this list loaded it; this one reapplies the role or discards it. */
  const edit = useEditConflict<User, UserUpdate>({
    fetchCurrent: fetchUser,
    write: (id, patch, version) => update.mutateAsync({ id, patch, version }),
    onSaved: (updated) => toast({ title: `${updated.name} is now ${roleLabels[updated.role]}`, tone: "success" }),
    onDiscard: () => void queryClient.invalidateQueries({ queryKey: usersKeys.lists() }),
    onError: (error) => toast({ title: "The role was not changed", description: errorMessage(error), tone: "error" }),
  });

  /** Resolves to an error message, or undefined on success (with a toast) or on a conflict (its panel opens). */
  async function changeRole(user: User, role: Role): Promise<string | undefined> {
    try {
      await edit.submit(user, { role });
      return undefined;
    } catch (error) {
      return errorMessage(error);
    }
  }

  function requestRoleChange(user: User, role: Role) {
    if (role === user.role) return;
    if (isDemotion(user.role, role)) {
      setDemotion({ user, value: role });
      return;
    }
    void changeRole(user, role).then((error) => {
      if (error) toast({ title: `${user.name}'s role was not changed`, description: error, tone: "error" });
    });
  }

  async function confirmDemotion() {
    if (!demotion) return;
    const error = await changeRole(demotion.user, demotion.value);
    setDemotion(error ? { ...demotion, error } : null);
  }

  async function confirmDeletion() {
    if (!deletion) return;
    try {
      await remove.mutateAsync(deletion.user.id);
      toast({ title: `${deletion.user.name}'s account was deleted`, tone: "success" });
      setDeletion(null);
    } catch (error) {
      setDeletion({ ...deletion, error: error instanceof Error ? error.message : "The account could not be deleted." });
    }
  }

  const users = query.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(filters.q || filters.role);
  const demotionPending = demotion !== null && pendingRoles.has(demotion.user.id);
  // One wrapper for every outcome: dialogs stay mounted and focus has somewhere to land when the last row goes.
  return (
    <div ref={listRef} tabIndex={-1} className="focus:outline-none">
      <ListScaffold
        noun="user"
        query={query}
        items={users}
        pages={query}
        testId="user-count"
        empty={
          filtered ? (
            <NoMatchesState icon={Users} title="No users match these filters" description="Try other words, or show every role." clearHref={USERS_PATH} />
          ) : (
            <EmptyState icon={Users} title="No users yet" description="Accounts appear here as people register." />
          )
        }
      >
        {(rows) => (
          <UsersTable
            users={rows}
            currentUserId={me.data?.id}
            pendingRoles={pendingRoles}
            busy={query.isFetching}
            onRoleChange={requestRoleChange}
            onDelete={(user) => setDeletion({ user, value: null })}
          />
        )}
      </ListScaffold>

      {demotion && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setDemotion(null)}
          title={`Change ${demotion.user.name}'s role to ${roleLabels[demotion.value]}?`}
          description={
            demotion.user.id === me.data?.id ? `This is your own account. ${demotionWarning(demotion.value, true)}` : demotionWarning(demotion.value, false)
          }
          confirmLabel={`Make ${roleLabels[demotion.value]}`}
          tone="danger"
          pending={demotionPending}
          error={demotion.error}
          onConfirm={() => void confirmDemotion()}
          fallbackFocusRef={listRef}
        />
      )}
      {edit.conflict && (
        <Dialog open onOpenChange={(open) => !open && edit.discard()} title={`Change ${edit.conflict.loaded.name}'s role`} fallbackFocusRef={listRef}>
          <EditConflictPanel noun="account" fields={userConflictFields} edit={edit} pending={update.isPending} />
        </Dialog>
      )}
      {deletion && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setDeletion(null)}
          title={`Delete ${deletion.user.name}'s account?`}
          description={
            <>
              <span className="font-medium text-stone-900">{deletion.user.email}</span> will no longer be able to sign in. This cannot be undone.
            </>
          }
          confirmLabel="Delete account"
          tone="danger"
          pending={remove.isPending}
          error={deletion.error}
          onConfirm={() => void confirmDeletion()}
          fallbackFocusRef={listRef}
        />
      )}
    </div>
  );
}
