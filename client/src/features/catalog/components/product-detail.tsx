import { useState } from "react";
import { Link } from "wouter";
import type { Product } from "@shared/contracts/catalog";
import { Breadcrumbs } from "@client/components/ui/breadcrumbs";
import { ProductBuyBox } from "./product-buy-box";
import { ProductGallery } from "./product-gallery";
import { initialVariant } from "./variant-picker";

export function ProductDetail({ product }: { product: Product }) {
  // The chosen variant drives both the buy box and the gallery (its bound pictures first). Kept by id, so a
  // refetched product (live stock, ADR 050) shows the fresh variant.
  const [variantId, setVariantId] = useState(() => initialVariant(product, new URLSearchParams(window.location.search).get("variant")).id);
  const variant = product.variants.find((v) => v.id === variantId) ?? initialVariant(product, null);
  const paragraphs = product.description.split(/\n{2,}/).filter(Boolean);
  return (
    // Bottom padding on phones: the sticky add-to-cart bar must not cover the end of the page.
    <article className="pb-20 sm:pb-0">
      <Breadcrumbs
        items={[
          { label: "Home", href: "/" },
          { label: product.sector.name, href: `/sectors/${product.sector.slug}` },
          { label: product.brand.name, href: `/brands/${product.brand.slug}` },
          { label: product.name },
        ]}
      />
      <div className="grid gap-8 md:grid-cols-2 lg:gap-14">
        <ProductGallery product={product} optionValues={variant.optionValues} />
        <div className="flex flex-col gap-5 md:py-4">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/brands/${product.brand.slug}`} className="font-semibold uppercase tracking-wide text-brand-800 hover:underline">
              {product.brand.name}
            </Link>
            <span aria-hidden="true" className="text-stone-400">
              ·
            </span>
            <Link href={`/sectors/${product.sector.slug}`} className="text-stone-600 hover:text-brand-800 hover:underline">
              {product.sector.name}
            </Link>
          </div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{product.name}</h1>
          <ProductBuyBox product={product} variant={variant} onVariantChange={(next) => setVariantId(next.id)} />
          <section aria-labelledby="product-description" className="border-t border-stone-200 pt-5">
            <h2 id="product-description" className="text-sm font-semibold uppercase tracking-wide text-stone-700">
              About this product
            </h2>
            <div className="mt-3 space-y-3 leading-relaxed text-stone-700">
              {paragraphs.length > 0 ? paragraphs.map((text, i) => <p key={i}>{text}</p>) : <p>No description yet.</p>}
            </div>
          </section>
        </div>
      </div>
    </article>
  );
}

export function ProductDetailSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-8 md:grid-cols-2 lg:gap-14">
      <span role="status" className="sr-only">
        Loading product
      </span>
      <div aria-hidden="true" className="aspect-square w-full animate-pulse rounded-3xl bg-stone-200 motion-reduce:animate-none" />
      <div aria-hidden="true" className="space-y-4 md:py-4">
        <div className="h-4 w-1/4 animate-pulse rounded bg-stone-200" />
        <div className="h-10 w-3/4 animate-pulse rounded bg-stone-200" />
        <div className="h-8 w-1/3 animate-pulse rounded bg-stone-200" />
        <div className="h-24 w-full animate-pulse rounded bg-stone-200" />
      </div>
    </div>
  );
}
