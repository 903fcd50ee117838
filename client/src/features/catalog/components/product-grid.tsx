import type { Product } from "@shared/contracts/catalog";
import { Skeleton } from "@client/components/ui/skeleton";
import { ProductCard } from "./product-card";

// Two columns even on a 390 px phone (issue 13 walkthrough: one full-width card per screen was too sparse).
const gridClasses = "grid grid-cols-2 gap-3 sm:gap-5 md:grid-cols-3 xl:grid-cols-4";

/** The first row is likely above the fold: those images load eagerly, the first one ahead of the rest. */
const EAGER_IMAGES = 4;

export function ProductGrid({ products, eagerImages = EAGER_IMAGES, columns }: { products: Product[]; eagerImages?: number; columns?: string }) {
  return (
    <ul className={columns ?? gridClasses}>
      {products.map((product, index) => (
        <li key={product.id} className="flex">
          <ProductCard product={product} eager={index < eagerImages} priority={index === 0 && eagerImages > 0} />
        </li>
      ))}
    </ul>
  );
}

export function ProductGridSkeleton({ count = 8, columns }: { count?: number; columns?: string }) {
  return (
    <div aria-hidden="true" className={columns ?? gridClasses}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="overflow-hidden rounded-2xl border border-stone-200 bg-white">
          <Skeleton className="aspect-square w-full rounded-none" />
          <div className="space-y-2 p-4">
            <Skeleton className="h-3 w-1/3" />
            <Skeleton className="h-4 w-4/5" />
            <Skeleton className="h-5 w-1/4" />
          </div>
        </div>
      ))}
    </div>
  );
}
