import type { ComponentType, ReactNode } from "react";
import { Redirect, useLocation, useSearch } from "wouter";
import type { Role } from "@shared/contracts/auth";
import { ErrorState } from "@client/components/ui/error-state";
import { ForbiddenState } from "@client/components/ui/forbidden-state";
import { Spinner } from "@client/components/ui/skeleton";
import { useMe } from "@client/features/auth/api/auth";
import { loginHref } from "@client/features/auth/safe-next";

const ALL_ROLES: readonly Role[] = ["customer", "staff", "admin"];

interface RequireRoleProps {
  /** Roles allowed in; any signed-in user when absent. */
  roles?: readonly Role[];
  children: ReactNode;
  /** Frames the checking / denied screens (the storefront layout, say) when the children bring their own. */
  shell?: ComponentType<{ children: ReactNode }>;
}

/**
 * Route guard. While /auth/session loads → a spinner; signed out → /login?next=<this page>; wrong role → the 403
 * screen. The server enforces the same rules on every request: this only spares people screens they can't use
 * (and keeps the admin chunks from loading for them).
 */
export default function RequireRole({ roles = ALL_ROLES, children, shell: Shell }: RequireRoleProps) {
  const me = useMe();
  const [location] = useLocation();
  const search = useSearch();
  const frame = (node: ReactNode) => (Shell ? <Shell>{node}</Shell> : node);

  if (me.isPending) {
    return frame(
      <div className="flex justify-center py-24 text-stone-600">
        <Spinner label="Checking your access" className="gap-3" />
      </div>,
    );
  }
  if (me.isError && me.data === undefined) {
    return frame(<ErrorState error={me.error} title="We couldn't check your sign-in" onRetry={() => void me.refetch()} retrying={me.isRefetching} />);
  }
  if (!me.data) return <Redirect to={loginHref(`${location}${search ? `?${search}` : ""}`)} replace />;
  if (!roles.includes(me.data.role)) return frame(<ForbiddenState />);
  return <>{children}</>;
}
