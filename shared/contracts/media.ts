import { z } from "zod";
import { uuid } from "./common";

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

const alt = z
  .string()
  .trim()
  .min(1, "Describe the picture for people who cannot see it")
  .max(MEDIA_LIMITS.altMaxLength, `At most ${MEDIA_LIMITS.altMaxLength} characters`);

/** The upload's query string: the bytes are the body (Content-Type image/png, image/jpeg, image/webp or image/avif). */
export const mediaUploadQuery = z.object({ alt }).strict();
/**
 * The option value a picture shows (ADR 068): the storefront's gallery puts it first while a variant with
 * that value is chosen. Null (or absent) shows the picture for every variant.
 */
export const mediaOptionValue = z
  .object({ name: z.string().trim().min(1).max(40), value: z.string().trim().min(1).max(60) })
  .strict()
  .meta({ description: 'One option value of the product, e.g. `{ "name": "Colour", "value": "Red" }`.' });
export type MediaOptionValue = z.infer<typeof mediaOptionValue>;
/** A picture's description and/or the option value it is bound to (null unbinds it). */
export const mediaUpdate = z
  .object({ alt: alt.optional(), optionValue: mediaOptionValue.nullable().optional() })
  .strict()
  .refine((u) => u.alt !== undefined || u.optionValue !== undefined, "Give alt or optionValue");
export type MediaUpdate = z.infer<typeof mediaUpdate>;
/** Every picture of the product, in the new order. */
export const mediaOrder = z
  .object({
    ids: z
      .array(uuid)
      .min(1)
      .max(MEDIA_LIMITS.maxPerProduct)
      .refine((ids) => new Set(ids).size === ids.length, "Each picture only once"),
  })
  .strict();
export type MediaOrder = z.infer<typeof mediaOrder>;
export const productMediaParams = z.object({ id: uuid, mediaId: uuid });

export const productMedia = z.object({
  id: uuid,
  productId: uuid,
  alt: z.string(),
  /** 0 is the primary picture (list cards, social previews). */
  position: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  src: z.string().meta({ description: "The largest JPEG rendition." }),
  srcSet: z.object({ avif: z.string(), webp: z.string(), jpeg: z.string() }).meta({ description: "`srcset` values per format." }),
  optionValue: mediaOptionValue.nullable(),
  createdAt: z.string(),
});
export type ProductMedia = z.infer<typeof productMedia>;
export const productMediaList = z.object({ data: z.array(productMedia) });
export type ProductMediaList = z.infer<typeof productMediaList>;
