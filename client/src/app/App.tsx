import { lazy, Suspense, useEffect } from "react";
import { useLocation } from "wouter";
import { PageShell } from "@client/components/ui/layout";
import { PageSkeleton } from "@client/components/ui/skeleton";
import { ErrorBoundary } from "./error-boundary";
import { useFocusHeadingOnNavigate } from "./focus-heading";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

// The entry paints the frame (header, footer, a skeleton) with React and the router alone; TanStack Query, the
// API client, the header's data-driven parts and the routes arrive in one chunk that the server modulepreloads
// beside every page's own, so they download in parallel with this one (ADR 063).
const AppRoutes = lazy(() => import("./app-routes"));

/** What the first paint shows until the data layer's chunk has run: the same frame, its data parts as placeholders. */
const frame = (
  <PageShell header={<SiteHeader />} footer={<SiteFooter />}>
    <PageSkeleton />
  </PageShell>
);

/** A new page starts at the top, like a normal site (wouter leaves scroll alone). */
function ScrollToTop() {
  const [location] = useLocation();
  useEffect(() => {
    window.scrollTo({ top: 0, behavior: "instant" });
  }, [location]);
  return null;
}

export function App() {
  useFocusHeadingOnNavigate();
  return (
    <>
      <ScrollToTop />
      <ErrorBoundary>
        <Suspense fallback={frame}>
          <AppRoutes />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
