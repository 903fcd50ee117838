import { useState } from "react";

interface ProductImageProps {
  src: string;
  alt: string;
  /** Above-the-fold images load eagerly; everything else waits until scrolled near. */
  eager?: boolean;
  /** The page's likely largest paint (one image a page): fetched ahead of other images. */
  priority?: boolean;
  size?: number;
  className?: string;
}

/** Square product image with a calm placeholder when the file is missing or fails to load. */
export function ProductImage({ src, alt, eager = false, priority = false, size = 400, className = "" }: ProductImageProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (!src || failedSrc === src) {
    return (
      <div role="img" aria-label={alt} className={`flex aspect-square items-center justify-center bg-gradient-to-br from-brand-50 to-stone-100 ${className}`}>
        <span aria-hidden="true" className="text-5xl opacity-70">
          🪴
        </span>
      </div>
    );
  }
  return (
    <img
      src={src}
      alt={alt}
      width={size}
      height={size}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      fetchPriority={priority ? "high" : undefined}
      onError={() => setFailedSrc(src)}
      className={`aspect-square w-full bg-stone-100 object-cover ${className}`}
    />
  );
}
