import { z } from "zod";
import { idParams } from "@shared/contracts/common";
import {
  MEDIA_FILE_PATTERN,
  MEDIA_LIMITS,
  MEDIA_UPLOAD_TYPES,
  formatOfExtension,
  mediaOrder,
  mediaUpdate,
  mediaUploadQuery,
  productMedia,
  productMediaList,
  productMediaParams,
} from "@shared/contracts/media";
import { notFound } from "../../lib/app-error";
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import type { MediaService } from "./media.service";

const adminWrite = ["unauthenticated", "forbidden", "csrf_failed", "not_found"] as const;
const imageBytes = z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: "string", format: "binary" });
const CACHE_FOREVER = "public, max-age=31536000, immutable";
const CONTENT_TYPES = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" } as const;
const tag = { name: "Product media", description: "Product pictures: uploaded by admins, stored as AVIF, WebP and JPEG renditions (ADR 052)." };

/** The gallery API: list (anyone who may see the product), upload, describe, reorder and delete (admins). */
export const mediaRoutes = routeTable<MediaService>({ mount: "/api/v1", tag, schemas: { ProductMedia: productMedia }, commonErrors: true }, (route) => [
  route({
    method: "get",
    path: "/products/:id/media",
    operationId: "listProductMedia",
    summary: "A product's pictures, primary first",
    description: "Each picture has `srcSet` values for AVIF, WebP and JPEG and its upright `width` and `height` (for the `<img>` box).",
    access: "public",
    request: { params: idParams },
    responses: { 200: { description: "The gallery in order.", schema: productMediaList } },
    errors: [400, "not_found"],
    handler: ({ user, params }, media) => media.list(params.id, user),
  }),
  route({
    method: "post",
    path: "/products/:id/media",
    operationId: "uploadProductMedia",
    summary: "Upload a picture",
    description: [
      `Admins only. Body: the image file itself (\`${MEDIA_UPLOAD_TYPES.join("`, `")}\`); its content decides the format, never its name or declared type`,
      `(anything else is 415). Up to ${MEDIA_LIMITS.maxBytes / 1048576} MB (413) and ${MEDIA_LIMITS.maxPixels / 1e6} megapixels (413, checked before decoding);`,
      `a damaged file is 400. \`alt\` (required) describes the picture. Metadata (EXIF, GPS) is dropped; the picture is turned upright and stored at`,
      `up to three widths in AVIF, WebP and JPEG. The first picture becomes the product's \`imageUrl\`. At most ${MEDIA_LIMITS.maxPerProduct} a product (409).`,
    ].join(" "),
    access: "admin",
    request: { params: idParams, query: mediaUploadQuery, body: imageBytes },
    bodyFormat: {
      contentType: "image/*",
      encoding: "binary",
      maxBytes: MEDIA_LIMITS.maxBytes,
      unsupportedMessage: "Send the image file as the request body with its image Content-Type (image/png, image/jpeg, image/webp or image/avif).",
    },
    responses: { 201: { description: "The stored picture.", schema: productMedia } },
    errors: [400, ...adminWrite, "conflict", "payload_too_large", "unsupported_media_type"],
    handler: ({ user, params, query, body, req }, media) => media.upload(user, params.id, body, query.alt, requestMeta(req)),
  }),
  route({
    method: "put",
    path: "/products/:id/media/order",
    operationId: "reorderProductMedia",
    summary: "Put the pictures in a new order",
    description: "Admins only. `ids` lists every picture of the product once; the first becomes the primary picture and the product's `imageUrl`.",
    access: "admin",
    request: { params: idParams, body: mediaOrder },
    responses: { 200: { description: "The gallery in its new order.", schema: productMediaList } },
    errors: [400, ...adminWrite],
    handler: ({ user, params, body, req }, media) => media.reorder(user, params.id, body, requestMeta(req)),
  }),
  route({
    method: "patch",
    path: "/products/:id/media/:mediaId",
    operationId: "updateProductMedia",
    summary: "Change a picture's description (alt text) or the option value it shows",
    description:
      "Admins only. `optionValue` binds the picture to one of the product's option values (the storefront shows it first while a variant with that value is chosen); `null` unbinds it; a value the product does not have is 400.",
    access: "admin",
    request: { params: productMediaParams, body: mediaUpdate },
    responses: { 200: { description: "The picture.", schema: productMedia } },
    errors: [400, ...adminWrite],
    handler: ({ user, params, body, req }, media) => media.update(user, params.id, params.mediaId, body, requestMeta(req)),
  }),
  route({
    method: "delete",
    path: "/products/:id/media/:mediaId",
    operationId: "deleteProductMedia",
    summary: "Delete a picture",
    description: "Admins only. The next picture becomes the primary one; without pictures the product's `/media/` imageUrl is cleared.",
    access: "admin",
    request: { params: productMediaParams },
    responses: { 204: { description: "Deleted." } },
    errors: [400, ...adminWrite],
    handler: ({ user, params, req }, media) => media.remove(user, params.id, params.mediaId, requestMeta(req)),
  }),
]);

const fileParams = z.object({ file: z.string().max(60).meta({ description: "`<hash>-<width>.<avif|webp|jpg>` as the gallery's URLs name it." }) });

/** The renditions themselves, outside /api (no session, no rate limit): content-addressed, so cached for a year. */
export const mediaFileRoutes = routeTable<MediaService>({ mount: "/media", tag, commonErrors: false }, (route) => [
  route({
    method: "get",
    path: "/:file",
    operationId: "getMediaFile",
    summary: "One picture rendition",
    description:
      "Immutable: the URL names the content (hash of the upload), so `Cache-Control` allows a year and a strong `ETag` answers `If-None-Match` with 304.",
    access: "public",
    request: { params: fileParams },
    responses: {
      200: { description: "The image.", schema: z.string().meta({ format: "binary" }), contentType: "image/*" },
      304: { description: "Not modified (the `ETag` matched)." },
    },
    errors: [404],
    handler: async ({ params, req, res }, media) => {
      const match = MEDIA_FILE_PATTERN.exec(params.file);
      if (!match) throw notFound("Image");
      const [, hash, width, ext] = match as unknown as [string, string, string, string];
      const format = formatOfExtension(ext);
      const etag = `"${hash}-${width}-${format}"`;
      if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
        res.setHeader("Cache-Control", CACHE_FOREVER);
        res.setHeader("ETag", etag);
        res.status(304).end();
        return;
      }
      const bytes = await media.file(hash, Number(width), format);
      if (!bytes) throw notFound("Image");
      res.setHeader("Cache-Control", CACHE_FOREVER);
      res.setHeader("ETag", etag);
      res.type(CONTENT_TYPES[format]).send(bytes);
    },
  }),
]);
