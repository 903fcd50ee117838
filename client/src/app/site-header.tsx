import { Suspense, type ReactNode } from "react";
import { Link } from "wouter";
import { Container } from "@client/components/ui/layout";
import { accountPlaceholder } from "@client/features/auth/components/account-placeholder";
import { CartLink } from "@client/features/cart/components/cart-link";
import { ThemeToggle } from "./theme-toggle";

// Placeholders of the real parts' size, so nothing moves when the data layer arrives (ADR 063).
const searchFallback = <div aria-hidden="true" className="h-11 w-full max-w-xl rounded-full border border-stone-300 bg-stone-50" />;
const sectorNavFallback = <div className="h-11" aria-hidden="true" />;

interface SiteHeaderProps {
  /** The header's data-driven parts come from the data layer's chunk; absent while the entry paints the frame alone. */
  search?: ReactNode;
  sectorNav?: ReactNode;
  account?: ReactNode;
}

export function Logo() {
  return (
    <Link href="/" className="flex shrink-0 items-center gap-2 rounded-lg text-lg font-bold tracking-tight text-brand-900">
      <svg aria-hidden="true" viewBox="0 0 64 64" className="size-8">
        <circle cx="32" cy="36" r="24" fill="#2f6540" />
        <path d="M32 12c4-8 12-10 16-8-2 6-8 10-16 8z" fill="#65a30d" />
        <path d="M20 36a12 12 0 0 0 12 12" stroke="#dcebdf" strokeWidth="4" strokeLinecap="round" fill="none" />
      </svg>
      <span>
        Fruitful<span className="text-brand-600">Planet</span>
      </span>
    </Link>
  );
}

export function SiteHeader({ search, sectorNav = sectorNavFallback, account = accountPlaceholder }: SiteHeaderProps) {
  return (
    <header className="z-40 sm:sticky sm:top-0 border-b border-stone-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
      <Container className="flex flex-wrap items-center gap-x-3 gap-y-3 py-3 sm:gap-x-6">
        <Logo />
        <div className="order-3 w-full sm:order-none sm:flex-1">
          <Suspense fallback={searchFallback}>{search ?? searchFallback}</Suspense>
        </div>
        <div className="ml-auto flex items-center gap-1 sm:ml-0 sm:gap-2">
          {/* Phones keep the logo and account on one row; they browse with the search box and sector bar below. */}
          <nav aria-label="Shop" className="max-sm:hidden">
            <Link href="/search" className="rounded-lg px-3 py-2 text-sm font-semibold text-stone-800 hover:bg-brand-50 hover:text-brand-900">
              All products
            </Link>
          </nav>
          <ThemeToggle />
          <CartLink />
          {account}
        </div>
      </Container>
      <div className="border-t border-stone-100">
        <Container>{sectorNav}</Container>
      </div>
    </header>
  );
}
