import { Router } from "express";
import { notFound } from "../../lib/app-error";
import { demoPictureSvg, parseDemoPicture, pictureFor } from "../media/demo-pictures";

/**
 * Generated product pictures: a product without an imageUrl is shown as /images/products/<slug>.svg, a drawing of
 * the kind of thing its name suggests (issue 12 §4; no name written on it). The demo seed stores the exact kind
 * as /images/demo/<drawing>-<colour>[-<icon>].svg. Mounted outside /api so the API rate limit never throttles a
 * page full of images; a file name always draws the same picture, so browsers may cache it for a year.
 */
export const PRODUCT_IMAGE_PREFIX = "/images/products/";
export const productImagePath = (slug: string) => `${PRODUCT_IMAGE_PREFIX}${slug}.svg`;

const IMAGE_FILE = /^([a-z0-9-]{1,160})\.svg$/;
const CACHE_FOREVER = "public, max-age=31536000, immutable";

/** The picture for a product slug (or name): its words decide the drawing. */
export const productImageSvg = (slug: string): string => demoPictureSvg(pictureFor(slug.replace(/-/g, " ")));

export function productImageRoutes(): Router {
  const router = Router();
  router.get("/products/:file", (req, res) => {
    const match = IMAGE_FILE.exec(req.params.file);
    if (!match) throw notFound("Image");
    res.setHeader("Cache-Control", CACHE_FOREVER);
    res.type("image/svg+xml").send(productImageSvg(match[1]!));
  });
  router.get("/demo/:file", (req, res) => {
    const choice = parseDemoPicture(req.params.file);
    if (!choice) throw notFound("Image");
    res.setHeader("Cache-Control", CACHE_FOREVER);
    res.type("image/svg+xml").send(demoPictureSvg(choice));
  });
  return router;
}
