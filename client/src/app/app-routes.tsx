import { lazy, Suspense, type ReactNode } from "react";
import { Route, Switch, useLocation, useSearch } from "wouter";
import { PageShell } from "@client/components/ui/layout";
import { PageSkeleton, Spinner } from "@client/components/ui/skeleton";
import { ToastProvider } from "@client/components/ui/toast";
import { useAuthProblemSync } from "@client/features/auth/api/auth";
import { MaintenanceGate } from "@client/features/settings/components/maintenance-gate";
import { AccountMenu } from "@client/features/auth/components/account-menu";
import { SectorNav } from "@client/features/catalog/components/sector-nav";
import { adminRolesFor } from "@client/pages/admin/admin-access";
import { ErrorBoundary } from "./error-boundary";
import { Providers } from "./providers";
import { RealtimeGate } from "./realtime-gate";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

// The data layer and the routes (ADR 063): TanStack Query, the API client, the header's data-driven parts
// (sector bar, account corner, search suggestions), toasts, route guards and the realtime gate. The entry
// (App.tsx) paints the frame without any of it; the server modulepreloads this chunk with every page's own.
// Every page is its own chunk besides.
const HomePage = lazy(() => import("@client/pages/home-page"));
const SectorPage = lazy(() => import("@client/pages/sector-page"));
const BrandPage = lazy(() => import("@client/pages/brand-page"));
const ProductPage = lazy(() => import("@client/pages/product-page"));
const SearchPage = lazy(() => import("@client/pages/search-page"));
const NotFoundPage = lazy(() => import("@client/pages/not-found-page"));
const LoginPage = lazy(() => import("@client/pages/login-page"));
const RegisterPage = lazy(() => import("@client/pages/register-page"));
const ForgotPasswordPage = lazy(() => import("@client/pages/forgot-password-page"));
const ResetPasswordPage = lazy(() => import("@client/pages/reset-password-page"));
const VerifyEmailPage = lazy(() => import("@client/pages/verify-email-page"));
const AccountPage = lazy(() => import("@client/pages/account-page"));
const CartPage = lazy(() => import("@client/pages/cart-page"));
const CheckoutPage = lazy(() => import("@client/pages/checkout-page"));
const OrdersPage = lazy(() => import("@client/pages/orders-page"));
const OrderPage = lazy(() => import("@client/pages/order-page"));
// Staff and admin areas bring their own layout; their chunks load only past the role guard.
const DashboardPage = lazy(() => import("@client/pages/dashboard-page"));
const AdminApp = lazy(() => import("@client/pages/admin/admin-app"));
// The search combobox (suggestions, keyboard handling) loads right after the first paint, not with it; the
// header keeps a placeholder of the box's size until it arrives, so nothing moves.
// Route guards (and their 403 screen) load only for pages that have one: a shopper browsing never needs them.
const RequireRole = lazy(() => import("./guards"));
const HeaderSearch = lazy(() => import("@client/features/catalog/components/header-search"));

/** Guest order links carry `?access=`; everything else under /orders needs a sign-in. */
function GuestOrAccount({ children }: { children: ReactNode }) {
  const hasAccess = new URLSearchParams(useSearch()).has("access");
  return hasAccess ? <>{children}</> : <RequireRole>{children}</RequireRole>;
}

function StorefrontRoutes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path="/sectors/:slug">{(params) => <SectorPage key={params.slug} slug={params.slug} />}</Route>
      <Route path="/brands/:slug">{(params) => <BrandPage key={params.slug} slug={params.slug} />}</Route>
      <Route path="/products/:slug">{(params) => <ProductPage key={params.slug} slug={params.slug} />}</Route>
      <Route path="/search" component={SearchPage} />
      <Route path="/login" component={LoginPage} />
      <Route path="/register" component={RegisterPage} />
      <Route path="/forgot-password" component={ForgotPasswordPage} />
      <Route path="/reset-password" component={ResetPasswordPage} />
      <Route path="/verify-email" component={VerifyEmailPage} />
      <Route path="/account">
        <RequireRole>
          <AccountPage />
        </RequireRole>
      </Route>
      <Route path="/cart" component={CartPage} />
      {/* Open to guests (issue 11): the form asks a signed-out shopper for an e-mail address. */}
      <Route path="/checkout" component={CheckoutPage} />
      <Route path="/orders">
        <RequireRole>
          <OrdersPage />
        </RequireRole>
      </Route>
      <Route path="/orders/:id">
        {(params) => (
          // A guest's link (?access=…) opens the order without a sign-in; the server checks the token.
          <GuestOrAccount>
            <OrderPage key={params.id} id={params.id} />
          </GuestOrAccount>
        )}
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/** The storefront frame: header, footer, and an error boundary + suspense around the page. */
function Storefront({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <PageShell header={<SiteHeader search={<HeaderSearch />} sectorNav={<SectorNav />} account={<AccountMenu />} />} footer={<SiteFooter />}>
      <ErrorBoundary resetKey={location}>
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </ErrorBoundary>
    </PageShell>
  );
}

/** A console area (admin, dashboard): its chunk loads behind a spinner; a failed load gets the error screen. */
function Console({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <ErrorBoundary resetKey={location}>
      <Suspense
        fallback={
          <div className="flex min-h-screen items-center justify-center text-stone-600">
            <Spinner label="Loading" className="gap-3" />
          </div>
        }
      >
        {children}
      </Suspense>
    </ErrorBoundary>
  );
}

/** /admin/*: admins only, except sections open to staff too (orders): admin-sections.ts says which. */
function AdminArea() {
  const [location] = useLocation();
  return (
    <RequireRole roles={adminRolesFor(location)} shell={Storefront}>
      <Console>
        <AdminApp />
      </Console>
    </RequireRole>
  );
}

function AuthProblemSync() {
  useAuthProblemSync();
  return null;
}

export default function AppRoutes() {
  return (
    <Providers>
      <ToastProvider>
        <AuthProblemSync />
        <RealtimeGate />
        <Switch>
          <Route path="/admin/*?">
            <AdminArea />
          </Route>
          <Route path="/dashboard">
            <RequireRole roles={["staff", "admin"]} shell={Storefront}>
              <Console>
                <DashboardPage />
              </Console>
            </RequireRole>
          </Route>
          <Route>
            <Storefront>
              <MaintenanceGate>
                <StorefrontRoutes />
              </MaintenanceGate>
            </Storefront>
          </Route>
        </Switch>
      </ToastProvider>
    </Providers>
  );
}
