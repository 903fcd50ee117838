import { ErrorState } from "@client/components/ui/error-state";
import { NotFoundState } from "@client/components/ui/not-found-state";
import { isApiError } from "@client/lib/api";
import { useProduct } from "@client/features/catalog/api/products";
import { ProductDetail, ProductDetailSkeleton } from "@client/features/catalog/components/product-detail";
import { MoreFromBrand } from "@client/features/catalog/components/related-products";

export default function ProductPage({ slug }: { slug: string }) {
  const product = useProduct(slug);

  if (product.isPending) return <ProductDetailSkeleton />;
  if (product.isError) {
    if (isApiError(product.error) && product.error.isNotFound) {
      return <NotFoundState title="Product not found" message="This product isn't in our catalog. It may have been removed." />;
    }
    return <ErrorState error={product.error} title="We couldn't load this product" onRetry={() => void product.refetch()} retrying={product.isRefetching} />;
  }
  return (
    <>
      <title>{`${product.data.name} · FruitfulPlanet`}</title>
      <ProductDetail key={product.data.id} product={product.data} />
      <MoreFromBrand product={product.data} />
    </>
  );
}
