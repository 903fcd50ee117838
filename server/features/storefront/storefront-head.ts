import { clip, escapeHtml, jsonLdScript } from "./html";

export const SITE_NAME = "FruitfulPlanet";
export const DEFAULT_DESCRIPTION = "FruitfulPlanet — shop sectors, brands and products from one open-source store.";

/** The document head of one storefront page, before it becomes HTML. */
export interface PageHead {
  title: string;
  description: string;
  /** Path of the canonical URL; pages that should not be indexed have none. */
  canonicalPath?: string;
  noindex?: boolean;
  ogType: "website" | "product";
  /** The page's main picture (path or absolute URL): og:image, and preloaded as the likely LCP element. */
  image?: string;
  /** An uploaded picture's AVIF srcset and sizes: preloaded instead of the JPEG, matching the page's <picture>. */
  imagePreload?: { srcSet: string; sizes: string };
  jsonLd: object[];
  /** Extra <meta property> pairs (product price for Open Graph). */
  properties?: Array<[string, string]>;
}

const meta = (attr: "name" | "property", key: string, content: string) => `<meta ${attr}="${key}" content="${escapeHtml(content)}" />`;

/** The head's HTML: title, description, robots, canonical, Open Graph, Twitter, JSON-LD, LCP image preload. */
export function renderHead(head: PageHead, baseUrl: string): string {
  const absolute = (path: string) => new URL(path, `${baseUrl}/`).href;
  const description = clip(head.description || DEFAULT_DESCRIPTION, 160);
  const lines = [`<title>${escapeHtml(head.title)}</title>`, meta("name", "description", description)];
  if (head.noindex) lines.push(meta("name", "robots", "noindex"));
  if (head.canonicalPath !== undefined) lines.push(`<link rel="canonical" href="${escapeHtml(absolute(head.canonicalPath))}" />`);
  lines.push(
    meta("property", "og:site_name", SITE_NAME),
    meta("property", "og:type", head.ogType),
    meta("property", "og:title", head.title),
    meta("property", "og:description", description),
  );
  if (head.canonicalPath !== undefined) lines.push(meta("property", "og:url", absolute(head.canonicalPath)));
  if (head.image) lines.push(meta("property", "og:image", absolute(head.image)));
  for (const [key, value] of head.properties ?? []) lines.push(meta("property", key, value));
  lines.push(
    meta("name", "twitter:card", head.image ? "summary_large_image" : "summary"),
    meta("name", "twitter:title", head.title),
    meta("name", "twitter:description", description),
  );
  if (head.image) {
    lines.push(meta("name", "twitter:image", absolute(head.image)));
    // The product picture is the page's largest paint: fetch it with the HTML, not after the JS has run.
    lines.push(
      head.imagePreload
        ? `<link rel="preload" as="image" type="image/avif" imagesrcset="${escapeHtml(head.imagePreload.srcSet)}" imagesizes="${escapeHtml(head.imagePreload.sizes)}" fetchpriority="high" />`
        : `<link rel="preload" as="image" href="${escapeHtml(head.image)}" fetchpriority="high" />`,
    );
  }
  for (const data of head.jsonLd) lines.push(jsonLdScript(data));
  return lines.join("\n    ");
}
