/**
 * Product pictures (issue 12, ADR 052): uploaded by admins, checked by content, stored as AVIF, WebP and
 * JPEG renditions at a few widths, served from /media/<hash>-<width>.<ext> with immutable cache headers.
 */
export const MEDIA_LIMITS = {
  /** Upload size; a phone photo is 3–8 MB. */
  maxBytes: 15 * 1024 * 1024,
  /** Decoded size: 40 megapixels is ~160 MB of RGBA; anything larger is refused before it is decoded. */
  maxPixels: 40_000_000,
  /** Pictures per product. */
  maxPerProduct: 12,
  altMaxLength: 300,
} as const;

/** The content types an upload may declare; the bytes decide what it really is. */
export const MEDIA_UPLOAD_TYPES = ["image/png", "image/jpeg", "image/webp", "image/avif"] as const;
/** The renditions' widths; a smaller picture gets its own width as the last one (never enlarged). */
export const RENDITION_WIDTHS = [320, 640, 1280] as const;
export const RENDITION_FORMATS = ["avif", "webp", "jpeg"] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];
const EXTENSIONS: Record<RenditionFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };
export const MEDIA_PATH_PREFIX = "/media/";
/** The product page's main picture: half the page beside the details from md up, the whole width on phones. The server's preload uses the same. */
export const PRODUCT_PAGE_IMAGE_SIZES = "(min-width: 1280px) 600px, (min-width: 768px) 50vw, 100vw";

/** The widths a picture of this width is stored at, smallest first. */
export function renditionWidths(width: number): number[] {
  const below = RENDITION_WIDTHS.filter((w) => w < width);
  const largest = Math.min(width, RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!);
  return [...below.filter((w) => w < largest), largest];
}

export const mediaFileUrl = (hash: string, width: number, format: RenditionFormat) => `${MEDIA_PATH_PREFIX}${hash}-${width}.${EXTENSIONS[format]}`;

/** /media/<32 hex>-<width>.<ext>: what the file route serves and what responsiveImage() recognises. */
export const MEDIA_FILE_PATTERN = /^([0-9a-f]{32})-(\d{1,5})\.(avif|webp|jpg)$/;
export const formatOfExtension = (ext: string): RenditionFormat => (ext === "jpg" ? "jpeg" : (ext as RenditionFormat));

export interface ResponsiveImage {
  /** The JPEG at the largest width: the <img src> every browser understands. */
  src: string;
  srcSet: Record<RenditionFormat, string>;
  widths: number[];
}

/** A picture's srcsets from its largest JPEG's URL (a product's imageUrl points there); null for any other URL. */
export function responsiveImage(url: string): ResponsiveImage | null {
  if (!url.startsWith(MEDIA_PATH_PREFIX)) return null;
  const match = MEDIA_FILE_PATTERN.exec(url.slice(MEDIA_PATH_PREFIX.length));
  if (!match || match[3] !== "jpg") return null;
  const [, hash, largest] = match as unknown as [string, string, string];
  const widths = renditionWidths(Number(largest));
  const srcSet = (format: RenditionFormat) => widths.map((w) => `${mediaFileUrl(hash, w, format)} ${w}w`).join(", ");
  return { src: url, widths, srcSet: { avif: srcSet("avif"), webp: srcSet("webp"), jpeg: srcSet("jpeg") } };
}
