import { lazy, Suspense } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { useMe } from "../api/auth";
import { loginHref } from "../safe-next";
import { accountPlaceholder as placeholder } from "./account-placeholder";

const UserMenu = lazy(() => import("./user-menu"));

/** The header's account corner: "Sign in" for visitors, the account menu once signed in. */
export function AccountMenu() {
  const me = useMe();
  const [location] = useLocation();
  const search = useSearch();
  if (me.isPending) return placeholder;
  if (!me.data) {
    return (
      <Link
        href={loginHref(`${location}${search ? `?${search}` : ""}`)}
        className="rounded-lg px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50"
      >
        Sign in
      </Link>
    );
  }
  return (
    <Suspense fallback={placeholder}>
      <UserMenu user={me.data} />
    </Suspense>
  );
}
