import { useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import type { Product } from "@shared/contracts/catalog";
import { buttonClasses } from "@client/components/ui/button";
import { AddToCartButton } from "@client/features/cart/components/add-to-cart";
import { primeProductDetail } from "../api/products";
import { Price } from "./price";
import { ProductImage } from "@client/components/ui/product-image";
import { StockStatus } from "./stock-status";

export function ProductCard({ product, eager = false, priority = false }: { product: Product; eager?: boolean; priority?: boolean }) {
  const queryClient = useQueryClient();
  return (
    <article
      data-testid="product-card"
      className="group relative flex w-full flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-600 motion-reduce:transition-none motion-reduce:hover:translate-y-0"
    >
      <div className="overflow-hidden">
        <ProductImage
          src={product.imageUrl}
          alt={product.name}
          eager={eager}
          priority={priority}
          className="transition duration-300 group-hover:scale-[1.03] motion-reduce:transition-none"
        />
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3 sm:p-4">
        <p className="text-xs font-medium uppercase tracking-wide text-stone-600">{product.brand.name}</p>
        <h3 className="line-clamp-2 text-sm font-semibold leading-snug text-stone-900">
          {/* The stretched link makes the whole card clickable while keeping one accessible name. */}
          <Link
            href={`/products/${product.slug}`}
            onClick={() => primeProductDetail(queryClient, product)}
            className="after:absolute after:inset-0 after:content-[''] focus:outline-none"
          >
            {product.name}
          </Link>
        </h3>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-x-2 gap-y-1 pt-1">
          <span className="flex items-baseline gap-1">
            {product.priceRange.maxCents > product.priceRange.minCents && <span className="text-xs text-stone-600">from</span>}
            <Price cents={product.priceCents} currency={product.currency} className="text-base" />
          </span>
          <StockStatus stock={product.stock} />
        </div>
        {product.options.length > 0 ? (
          // One click cannot know which size or colour: the product page's picker asks.
          <Link href={`/products/${product.slug}`} className={buttonClasses({ variant: "secondary", size: "sm", className: "relative z-10 w-full" })}>
            Choose options<span className="sr-only">: {product.name}</span>
          </Link>
        ) : (
          <AddToCartButton product={product} />
        )}
      </div>
    </article>
  );
}
