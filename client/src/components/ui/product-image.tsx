import { ImageOff } from "lucide-react";
import { useState } from "react";
import { responsiveImage } from "@shared/media-files";

interface ProductImageProps {
  src: string;
  alt: string;
  /** Above-the-fold images load eagerly; everything else waits until scrolled near. */
  eager?: boolean;
  /** The page's likely largest paint (one image a page): fetched ahead of other images. */
  priority?: boolean;
  size?: number;
  /** How wide the image is drawn, for uploaded pictures' srcset (the browser picks the rendition); thumbnails default to their size. */
  sizes?: string;
  /** Uploaded pictures keep their shape inside the square ("contain") on the product page. */
  fit?: "cover" | "contain";
  className?: string;
}

/** A card in the grid: a quarter of a wide screen, half of a tablet, the whole phone. */
export const CARD_IMAGE_SIZES = "(min-width: 1280px) 22vw, (min-width: 768px) 30vw, (min-width: 640px) 45vw, 92vw";

/**
 * Square product image with a calm placeholder when the file is missing or fails to load. Uploaded pictures
 * (/media/ URLs) come as <picture> with AVIF and WebP sources over the JPEG, each with its srcset.
 */
export function ProductImage({
  src,
  alt,
  eager = false,
  priority = false,
  size = 400,
  sizes = size <= 200 ? `${size}px` : CARD_IMAGE_SIZES,
  fit = "cover",
  className = "",
}: ProductImageProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (!src || failedSrc === src) {
    return (
      <div role="img" aria-label={alt} className={`flex aspect-square items-center justify-center bg-gradient-to-br from-brand-50 to-stone-100 ${className}`}>
        <ImageOff aria-hidden="true" className="size-12 text-stone-500" strokeWidth={1.5} />
      </div>
    );
  }
  const responsive = responsiveImage(src);
  const img = (
    <img
      src={src}
      srcSet={responsive?.srcSet.jpeg}
      sizes={responsive ? sizes : undefined}
      alt={alt}
      width={size}
      height={size}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      fetchPriority={priority ? "high" : undefined}
      onError={() => setFailedSrc(src)}
      className={`aspect-square w-full bg-stone-100 ${fit === "contain" ? "object-contain" : "object-cover"} ${className}`}
    />
  );
  if (!responsive) return img;
  return (
    <picture>
      <source type="image/avif" srcSet={responsive.srcSet.avif} sizes={sizes} />
      <source type="image/webp" srcSet={responsive.srcSet.webp} sizes={sizes} />
      {img}
    </picture>
  );
}
