import { House } from "lucide-react";
import { Suspense } from "react";
import { Link, Route, Switch, useLocation } from "wouter";
import { ConsoleShell } from "@client/app/console-shell";
import { ErrorBoundary } from "@client/app/error-boundary";
import { NotFoundState } from "@client/components/ui/not-found-state";
import { PageSkeleton } from "@client/components/ui/skeleton";
import { useMe } from "@client/features/auth/api/auth";
import { adminSections, canOpenSection, isSectionActive } from "./admin-sections";
import AdminHomePage from "./admin-home-page";

function AdminNav() {
  const [location] = useLocation();
  const role = useMe().data?.role;
  // Staff see only the sections open to them (orders); the overview and the rest are admin-only.
  const sections = adminSections.filter((section) => canOpenSection(section, role));
  return (
    <nav aria-label="Admin" className="px-3 py-3 lg:py-6">
      <ul className="flex gap-1 overflow-x-auto lg:flex-col">
        {role === "admin" && (
          <li>
            <Link
              href="/admin"
              aria-current={location === "/admin" ? "page" : undefined}
              className={`flex items-center gap-3 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium ${location === "/admin" ? "bg-brand-50 text-brand-900" : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"}`}
            >
              <House aria-hidden="true" className="size-4 shrink-0" /> Overview
            </Link>
          </li>
        )}
        {sections.map((section) => {
          const active = isSectionActive(section, location);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={active ? "page" : undefined}
                className={`flex items-center gap-3 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-900" : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"}`}
              >
                <section.icon aria-hidden="true" className="size-4 shrink-0" /> {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The admin console (a lazy chunk, reached only past the admin guard): sidebar + one lazy page per section. */
export default function AdminApp() {
  const [location] = useLocation();
  const role = useMe().data?.role;
  return (
    <ConsoleShell area={role === "staff" ? "Staff" : "Admin"} sidebar={<AdminNav />}>
      <ErrorBoundary resetKey={location}>
        <Suspense fallback={<PageSkeleton />}>
          <Switch>
            <Route path="/admin" component={AdminHomePage} />
            {adminSections.flatMap((section) => [
              <Route key={section.href} path={section.href} component={section.page} />,
              <Route key={`${section.href}/*`} path={`${section.href}/*`} component={section.page} />,
            ])}
            <Route>
              <NotFoundState title="Admin page not found" message="This part of the admin console doesn't exist. Pick a section from the menu." />
            </Route>
          </Switch>
        </Suspense>
      </ErrorBoundary>
    </ConsoleShell>
  );
}
