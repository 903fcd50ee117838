import { useState } from "react";
import type { Product } from "@shared/contracts/catalog";
import type { ProductMedia } from "@shared/contracts/media";
import { PRODUCT_PAGE_IMAGE_SIZES as MAIN_SIZES } from "@shared/media-files";
import { ProductImage } from "@client/components/ui/product-image";
import { useProductMedia } from "../api/media";
import { galleryOrder } from "../gallery-order";

/**
 * The product page's pictures: the chosen one large, thumbnails below to switch (buttons with the picture's
 * alt text as their name; the chosen one is aria-current). Until the gallery loads, or without uploads, the
 * product's own imageUrl is shown, so the first paint never waits for a second request. Pictures bound to
 * the chosen variant's option values come first (ADR 068).
 */
export function ProductGallery({ product, optionValues = {} }: { product: Product; optionValues?: Record<string, string> }) {
  const media = galleryOrder(useProductMedia(product.id).data?.data ?? [], optionValues);
  // A thumbnail picked for one variant gives way when the shopper picks another: its bound picture leads.
  const choiceKey = JSON.stringify(optionValues);
  const [picked, setPicked] = useState<{ id: string; choiceKey: string } | null>(null);
  const chosen: ProductMedia | undefined = media.find((m) => picked?.choiceKey === choiceKey && m.id === picked.id) ?? media[0];

  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-3xl border border-stone-200 bg-white shadow-sm">
        {chosen ? (
          <ProductImage key={chosen.id} src={chosen.src} alt={chosen.alt} eager priority size={720} sizes={MAIN_SIZES} fit="contain" />
        ) : (
          <ProductImage src={product.imageUrl} alt={product.name} eager priority size={720} sizes={MAIN_SIZES} />
        )}
      </div>
      {media.length > 1 && (
        <ul aria-label="Product pictures" className="flex flex-wrap gap-2">
          {media.map((m, i) => {
            const current = m.id === chosen?.id;
            return (
              <li key={m.id}>
                <button
                  type="button"
                  onClick={() => setPicked({ id: m.id, choiceKey })}
                  aria-current={current ? "true" : undefined}
                  aria-label={`Show picture ${i + 1} of ${media.length}: ${m.alt}`}
                  className={`block size-20 overflow-hidden rounded-xl border-2 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${current ? "border-brand-700" : "border-stone-200 hover:border-stone-400"}`}
                >
                  <ProductImage src={m.src} alt="" size={80} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
