import type { Response } from "express";
import type { SitemapEntry, SitemapKind } from "../catalog/catalog.service";

export const SITEMAP_KINDS: SitemapKind[] = ["products", "brands", "sectors"];
const PATH_OF: Record<SitemapKind, string> = { products: "/products/", brands: "/brands/", sectors: "/sectors/" };

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * robots.txt: private areas and the API are closed to crawlers, except the catalog's public reads, which
 * a rendering crawler needs to see the page body the SPA draws (the head is in the HTML already).
 */
export function robotsTxt(baseUrl: string): string {
  return [
    "User-agent: *",
    "Disallow: /admin",
    "Disallow: /dashboard",
    "Disallow: /account",
    "Disallow: /checkout",
    "Disallow: /cart",
    "Disallow: /orders",
    "Disallow: /api/",
    "Allow: /api/v1/products",
    "Allow: /api/v1/brands",
    "Allow: /api/v1/sectors",
    "Disallow: /api/v1/products/export.csv",
    "",
    `Sitemap: ${baseUrl}/sitemap.xml`,
    "",
  ].join("\n");
}

export const sitemapFileName = (kind: SitemapKind | "pages", n: number) => `${kind}-${n}.xml`;

/** The sitemap index: the static pages' file, then each kind's chunks (chunk counts from the catalog's counts). */
export function sitemapIndexXml(baseUrl: string, counts: Record<SitemapKind, number>, perFile: number): string {
  const files = [sitemapFileName("pages", 1)];
  for (const kind of SITEMAP_KINDS) {
    for (let n = 1; n <= Math.ceil(counts[kind] / perFile); n++) files.push(sitemapFileName(kind, n));
  }
  const entries = files.map((f) => `  <sitemap><loc>${escapeXml(`${baseUrl}/sitemaps/${f}`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

const URLSET_OPEN = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
const URLSET_CLOSE = "</urlset>\n";

export function staticPagesXml(baseUrl: string): string {
  const home = escapeXml(`${baseUrl}/`);
  return `${URLSET_OPEN}  <url><loc>${home}</loc></url>\n${URLSET_CLOSE}`;
}

/** Resolves once the socket has room again (or the client has gone). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * Streams one sitemap file: each batch is written (waiting for the socket when its buffer is full) before
 * the next is read, so a 50,000-URL file never sits in memory. Stops reading when the client goes away.
 */
export async function streamUrlset(res: Response, baseUrl: string, kind: SitemapKind, batches: AsyncIterable<SitemapEntry[]>): Promise<void> {
  res.write(URLSET_OPEN);
  for await (const batch of batches) {
    if (res.destroyed) return;
    const xml = batch.map((e) => `  <url><loc>${escapeXml(`${baseUrl}${PATH_OF[kind]}${e.slug}`)}</loc><lastmod>${e.lastmod}</lastmod></url>\n`).join("");
    if (!res.write(xml)) await drained(res);
  }
  res.end(URLSET_CLOSE);
}
