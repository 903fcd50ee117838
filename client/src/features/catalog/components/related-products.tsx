import type { Product } from "@shared/contracts/catalog";
import { SectionHeading } from "@client/components/ui/layout";
import { Link } from "wouter";
import { useProductPage } from "../api/products";
import { ProductGrid } from "./product-grid";

const SHOWN = 4;

/** "More from <brand>": a cheap cross-link; silent when it fails or finds nothing, it is not the page's point. */
export function MoreFromBrand({ product }: { product: Product }) {
  const page = useProductPage({ brand: product.brand.slug, inStock: true }, SHOWN + 1);
  const others = page.data?.data.filter((p) => p.id !== product.id).slice(0, SHOWN) ?? [];
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="more-from-brand" className="mt-16">
      <SectionHeading
        id="more-from-brand"
        title={`More from ${product.brand.name}`}
        action={
          <Link href={`/brands/${product.brand.slug}`} className="text-sm font-semibold text-brand-800 hover:underline">
            See all <span aria-hidden="true">→</span>
          </Link>
        }
      />
      <ProductGrid products={others} eagerImages={0} />
    </section>
  );
}
