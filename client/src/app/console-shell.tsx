import type { ReactNode } from "react";
import { Link } from "wouter";
import { SkipLink } from "@client/components/ui/layout";
import { AccountMenu } from "@client/features/auth/components/account-menu";
import { NotificationBell } from "@client/features/inbox/components/notification-bell";
import { Logo } from "./site-header";

interface ConsoleShellProps {
  /** "Admin", "Dashboard": shown beside the logo. */
  area: string;
  /** Section navigation (the admin sidebar); omitted for single-page areas. */
  sidebar?: ReactNode;
  children: ReactNode;
}

/** The frame of the staff and admin areas: a slim top bar, an optional sidebar and a full-width main. */
export function ConsoleShell({ area, sidebar, children }: ConsoleShellProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="sticky top-0 z-40 border-b border-stone-200 bg-white">
        <div className="flex h-16 items-center gap-3 px-4 sm:px-6">
          <Logo />
          <span className="rounded-md bg-brand-50 px-2 py-0.5 text-xs font-semibold uppercase tracking-wider text-brand-800">{area}</span>
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            <Link href="/" className="rounded-lg px-3 py-2 text-sm font-semibold text-stone-800 hover:bg-brand-50 hover:text-brand-900 max-sm:hidden">
              View store
            </Link>
            <NotificationBell />
            <AccountMenu />
          </div>
        </div>
      </header>
      <div className="flex flex-1 flex-col lg:flex-row">
        {sidebar && <div className="border-b border-stone-200 bg-white lg:w-60 lg:shrink-0 lg:border-b-0 lg:border-r">{sidebar}</div>}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}

/** Title row of a console page: h1, a one-line description and optional actions on the right. */
export function ConsolePageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">{title}</h1>
        {description && <p className="mt-1 text-sm text-stone-600">{description}</p>}
      </div>
      {actions}
    </div>
  );
}
