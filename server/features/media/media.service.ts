import {
  MEDIA_LIMITS,
  MEDIA_PATH_PREFIX,
  mediaFileUrl,
  renditionWidths,
  responsiveImage,
  type MediaOrder,
  type MediaUpdate,
  type ProductMedia,
} from "@shared/contracts/media";
import type { ProductMediaRow } from "@shared/schema";
import type { RenditionFormat } from "@shared/contracts/media";
import { AppError, notFound } from "../../lib/app-error";
import type { Logger } from "../../lib/logger";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { CatalogActor, CatalogService, CatalogViewer, OptionsChanged } from "../catalog/catalog.service";
import { assertAdmin } from "../catalog/catalog-access";
import type { JobsService } from "../jobs/jobs.service";
import { inspectUpload, processImage } from "./image-processing";
import type { MediaRepo } from "./media.repo";

export interface MediaDeps {
  repo: MediaRepo;
  catalog: Pick<CatalogService, "getProduct" | "updateProduct">;
  audit: AuditService;
  logger: Logger;
}

/** The largest JPEG rendition: what a product's imageUrl points at once it has pictures. */
export const primaryUrlOf = (row: Pick<ProductMediaRow, "hash" | "width">) => {
  const widths = renditionWidths(row.width);
  return mediaFileUrl(row.hash, widths[widths.length - 1]!, "jpeg");
};

export function toProductMedia(row: ProductMediaRow): ProductMedia {
  const image = responsiveImage(primaryUrlOf(row))!;
  return {
    id: row.id,
    productId: row.productId,
    alt: row.alt,
    position: row.position,
    width: row.width,
    height: row.height,
    src: image.src,
    srcSet: image.srcSet,
    optionValue: row.optionValue ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The catalog's hook for writes that rewrite a product's options: pictures bound to a value that was renamed or
 * removed are unbound in that write's transaction (ADR 068), so they show for every variant instead of matching
 * nothing, and the console's select shows them as unbound rather than naming a value the product lacks.
 */
export const unbindStalePictures =
  (repo: Pick<MediaRepo, "unbindMissingOptionValues">): OptionsChanged =>
  async (productId, options, tx) => {
    await repo.unbindMissingOptionValues(productId, options, tx);
  };

/**
 * One image is encoded at a time per process: an upload takes a few hundred milliseconds of CPU and
 * ~4 bytes a pixel of memory, and a 2-core replica must keep serving shoppers meanwhile (ADR 052).
 */
function oneAtATime() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createMediaService({ repo, catalog, audit, logger }: MediaDeps) {
  const serialise = oneAtATime();
  const record = (
    actor: CatalogActor,
    action: string,
    productId: string,
    summary: Record<string, unknown>,
    meta: RequestMeta,
    tx?: Parameters<AuditService["record"]>[2],
  ) => audit.record({ actor, action, target: { type: "product", id: productId }, summary }, meta, tx);

  /**
   * Points the product's imageUrl (list cards, JSON-LD, Open Graph) at its first picture, through the catalog's
   * own write so caches, audit and webhooks follow. Without pictures a /media/ URL is cleared; any other URL
   * (set by hand or by the demo seed) is left alone.
   */
  async function syncPrimary(actor: CatalogActor, productId: string, meta: RequestMeta): Promise<void> {
    const [first] = await repo.listForProduct(productId);
    const product = await catalog.getProduct(productId, actor);
    const wanted = first ? primaryUrlOf(first) : product.imageUrl.startsWith(MEDIA_PATH_PREFIX) ? "" : product.imageUrl;
    if (wanted !== product.imageUrl) await catalog.updateProduct(actor, productId, { imageUrl: wanted }, meta);
  }

  return {
    async list(productId: string, viewer?: CatalogViewer): Promise<{ data: ProductMedia[] }> {
      await catalog.getProduct(productId, viewer); // 404 for unknown products, and archived ones for shoppers
      return { data: (await repo.listForProduct(productId)).map(toProductMedia) };
    },

    async upload(actor: CatalogActor | undefined, productId: string, bytes: Buffer, alt: string, meta: RequestMeta): Promise<ProductMedia> {
      assertAdmin(actor);
      const product = await catalog.getProduct(productId, actor);
      if (bytes.length === 0) throw new AppError("validation_failed", "Send the image's bytes as the request body.");
      const info = await inspectUpload(bytes); // 413 / 415 before any decoding
      const started = performance.now();
      // A picture uploaded before (to any product) is already processed: its renditions are shared.
      const renditions = (await repo.filesExist(info.hash)) ? [] : (await serialise(() => processImage(bytes))).renditions;
      const processingMs = Math.round(performance.now() - started);
      const row = await repo.transaction(async (tx) => {
        await repo.lockGallery(productId, tx);
        const count = (await repo.listForProduct(productId, tx)).length;
        if (count >= MEDIA_LIMITS.maxPerProduct)
          throw new AppError("conflict", `A product has at most ${MEDIA_LIMITS.maxPerProduct} pictures; delete one first.`);
        // A concurrent delete may have dropped the shared renditions since they were found: upload again.
        if (!renditions.length && !(await repo.filesExist(info.hash, tx))) throw new AppError("conflict", "The picture changed while uploading; try again.");
        await repo.insertFiles(info.hash, renditions, tx);
        const inserted = await repo.insert(
          { productId, hash: info.hash, alt, width: info.width, height: info.height, sourceBytes: bytes.length, sourceFormat: info.sourceFormat },
          count,
          tx,
        );
        await record(actor, "catalog.product.media_added", productId, { slug: product.slug, alt, width: info.width, height: info.height }, meta, tx);
        return inserted;
      });
      logger.info({ productId, bytes: bytes.length, pixels: info.width * info.height, files: renditions.length, processingMs }, "product picture processed");
      if (row.position === 0) await syncPrimary(actor, productId, meta);
      return toProductMedia(row);
    },

    /** A new description and/or option value (one of the product's own, ADR 068; null unbinds the picture). */
    async update(actor: CatalogActor | undefined, productId: string, mediaId: string, change: MediaUpdate, meta: RequestMeta): Promise<ProductMedia> {
      assertAdmin(actor);
      const product = await catalog.getProduct(productId, actor);
      const bound = change.optionValue;
      if (bound && !product.options.some((o) => o.name === bound.name && o.values.includes(bound.value)))
        throw new AppError("validation_failed", "The picture can only be bound to one of the product's option values.", [
          { path: "optionValue", message: `${product.name} has no ${bound.name}: ${bound.value}` },
        ]);
      return repo.transaction(async (tx) => {
        const row = await repo.find(productId, mediaId, tx);
        if (!row) throw notFound("Picture");
        await repo.update(mediaId, change, tx);
        const after = { ...row, ...change };
        const changed = (["alt", "optionValue"] as const).filter((key) => key in change);
        await record(
          actor,
          "catalog.product.media_updated",
          productId,
          {
            slug: product.slug,
            change: changed.includes("alt") ? "alt" : "option",
            before: Object.fromEntries(changed.map((key) => [key, row[key]])),
            after: Object.fromEntries(changed.map((key) => [key, after[key]])),
          },
          meta,
          tx,
        );
        return toProductMedia(after);
      });
    },

    async reorder(actor: CatalogActor | undefined, productId: string, { ids }: MediaOrder, meta: RequestMeta): Promise<{ data: ProductMedia[] }> {
      assertAdmin(actor);
      const product = await catalog.getProduct(productId, actor);
      await repo.transaction(async (tx) => {
        await repo.lockGallery(productId, tx);
        const current = new Set((await repo.listForProduct(productId, tx)).map((m) => m.id));
        if (ids.length !== current.size || ids.some((id) => !current.has(id)))
          throw new AppError("validation_failed", "List every picture of the product exactly once.", [
            { path: "ids", message: "Must name each of the product's pictures once" },
          ]);
        await repo.setPositions(ids, tx);
        await record(actor, "catalog.product.media_updated", productId, { slug: product.slug, change: "order" }, meta, tx);
      });
      await syncPrimary(actor, productId, meta);
      return { data: (await repo.listForProduct(productId)).map(toProductMedia) };
    },

    async remove(actor: CatalogActor | undefined, productId: string, mediaId: string, meta: RequestMeta): Promise<void> {
      assertAdmin(actor);
      const product = await catalog.getProduct(productId, actor);
      await repo.transaction(async (tx) => {
        await repo.lockGallery(productId, tx);
        const row = await repo.find(productId, mediaId, tx);
        if (!row) throw notFound("Picture");
        await repo.remove(mediaId, tx);
        await repo.setPositions(
          (await repo.listForProduct(productId, tx)).map((m) => m.id),
          tx,
        );
        await repo.deleteUnusedFiles([row.hash], tx);
        await record(actor, "catalog.product.media_removed", productId, { slug: product.slug, alt: row.alt }, meta, tx);
      });
      await syncPrimary(actor, productId, meta);
    },

    /** The largest JPEG of each picture, primary first (the storefront's JSON-LD); no visibility check, the caller has the product. */
    async pictureUrls(productId: string): Promise<string[]> {
      return (await repo.listForProduct(productId)).map(primaryUrlOf);
    },

    /** One rendition's bytes (the /media/ file route); undefined when there is no such file. */
    async file(hash: string, width: number, format: RenditionFormat): Promise<Buffer | undefined> {
      return repo.findFile(hash, width, format);
    },

    /** Housekeeping: renditions left behind by deleted products (their pictures went with them by cascade). */
    deleteUnusedFiles: () => repo.deleteUnusedFiles("all"),
  };
}
export type MediaService = ReturnType<typeof createMediaService>;

export const PURGE_UNUSED_MEDIA = "media.purge-unused";

/** Hourly: renditions of pictures that went with their deleted product (the cascade cannot reach media_files). */
export function registerMediaJobs(jobs: Pick<JobsService, "register">, media: Pick<MediaService, "deleteUnusedFiles">, logger: Logger): void {
  jobs.register(
    PURGE_UNUSED_MEDIA,
    async () => {
      const purged = await media.deleteUnusedFiles();
      if (purged) logger.info({ purged }, "purged unused picture renditions");
    },
    { everySeconds: 3_600 },
  );
}
