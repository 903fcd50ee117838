import { Apple, Carrot, Citrus, Grape, Leaf, Salad } from "lucide-react";
import { Link } from "wouter";
import { buttonClasses } from "@client/components/ui/button";
import { ErrorState } from "@client/components/ui/error-state";
import { SectionHeading } from "@client/components/ui/layout";
import { useProductPage } from "@client/features/catalog/api/products";
import { ProductGrid, ProductGridSkeleton } from "@client/features/catalog/components/product-grid";
import { SectorGrid } from "@client/features/catalog/components/sector-grid";

const FEATURED_COUNT = 8;
// SVG, not emoji: emoji are empty boxes on systems without an emoji font (issue 13 walkthrough).
const HERO_TILES = [Apple, Carrot, Leaf, Citrus, Grape, Salad];

function FeaturedProducts() {
  const featured = useProductPage({ inStock: true, sort: "newest" }, FEATURED_COUNT);
  if (featured.isPending) return <ProductGridSkeleton count={FEATURED_COUNT} />;
  if (featured.isError) {
    return <ErrorState error={featured.error} title="We couldn't load new arrivals" onRetry={() => void featured.refetch()} retrying={featured.isRefetching} />;
  }
  if (featured.data.data.length === 0) return <p className="text-sm text-stone-600">New arrivals will appear here soon.</p>;
  return <ProductGrid products={featured.data.data} eagerImages={0} />;
}

export default function HomePage() {
  return (
    <>
      <title>FruitfulPlanet · Fresh finds from every corner of the planet</title>
      <section aria-labelledby="hero-title" className="relative overflow-hidden rounded-3xl bg-brand-800 px-5 py-7 text-white shadow-sm sm:px-12 sm:py-16">
        <div aria-hidden="true" className="pointer-events-none absolute -right-16 -top-20 size-72 rounded-full bg-brand-600/50 blur-2xl" />
        <div aria-hidden="true" className="pointer-events-none absolute -bottom-24 right-40 size-64 rounded-full bg-amber-400/20 blur-2xl" />
        <ul aria-hidden="true" className="absolute right-12 top-1/2 hidden -translate-y-1/2 grid-cols-3 gap-4 lg:grid">
          {HERO_TILES.map((Icon, i) => (
            <li
              key={i}
              className={`flex size-24 items-center justify-center rounded-3xl bg-white/10 text-brand-100 ring-1 ring-white/15 backdrop-blur-sm ${i % 3 === 1 ? "translate-y-8" : ""}`}
            >
              <Icon className="size-11" strokeWidth={1.5} />
            </li>
          ))}
        </ul>
        <div className="relative max-w-2xl">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-200">Open-source commerce</p>
          <h1 id="hero-title" className="mt-2 text-3xl font-bold sm:mt-3 sm:text-5xl tracking-tight text-balance">
            Fresh finds from every corner of the planet
          </h1>
          <p className="mt-3 max-w-xl text-base text-brand-100 sm:mt-4 sm:text-lg">
            Browse sectors, discover independent brands and shop thousands of products — all in one place.
          </p>
          <div className="mt-5 flex flex-wrap gap-3 sm:mt-8">
            <Link href="/search?inStock=true" className={buttonClasses({ size: "lg", className: "bg-white !text-brand-900 hover:bg-brand-50" })}>
              Shop all products
            </Link>
            <a
              href="#sectors-title"
              className={buttonClasses({ size: "lg", variant: "ghost", className: "!text-white ring-1 ring-white/40 hover:bg-white/10" })}
            >
              Explore sectors
            </a>
          </div>
        </div>
      </section>

      {/* Products first, then the sector wall: on a phone the first screen shows something to buy (issue 13). */}
      <section aria-labelledby="featured-title" className="mt-8 sm:mt-14">
        <SectionHeading
          id="featured-title"
          title="New arrivals"
          description="The newest products, in stock and ready to ship."
          action={
            <Link href="/search?inStock=true" className="text-sm font-semibold text-brand-800 hover:underline">
              Browse everything <span aria-hidden="true">→</span>
            </Link>
          }
        />
        <FeaturedProducts />
      </section>
      <section aria-labelledby="sectors-title" className="mt-10 scroll-mt-32 sm:mt-14">
        <SectionHeading id="sectors-title" title="Shop by sector" description="Every corner of the catalog, from orchard to pantry." />
        <SectorGrid />
      </section>
    </>
  );
}
