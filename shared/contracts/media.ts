import { z } from "zod";
import { MEDIA_LIMITS } from "../media-files";
import { uuid } from "./common";

// The files' limits, widths and URLs live in a zod-free module: the storefront's product cards need them, and
// a zod schema here would put zod's core on the home page's critical path (issue 13, ADR 063).
export {
  MEDIA_LIMITS,
  MEDIA_UPLOAD_TYPES,
  RENDITION_WIDTHS,
  RENDITION_FORMATS,
  type RenditionFormat,
  MEDIA_PATH_PREFIX,
  PRODUCT_PAGE_IMAGE_SIZES,
  renditionWidths,
  mediaFileUrl,
  MEDIA_FILE_PATTERN,
  formatOfExtension,
  type ResponsiveImage,
  responsiveImage,
} from "../media-files";
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
