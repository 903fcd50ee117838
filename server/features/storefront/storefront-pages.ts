import type { Brand, Product, Sector } from "@shared/contracts/catalog";
import { slug as slugSchema } from "@shared/contracts/common";
import { PRODUCT_PAGE_IMAGE_SIZES, responsiveImage } from "@shared/contracts/media";
import { AppError } from "../../lib/app-error";
import type { CatalogService } from "../catalog/catalog.service";
import { clip } from "./html";
import { DEFAULT_DESCRIPTION, SITE_NAME, type PageHead } from "./storefront-head";

/** What the server knows about a storefront URL before the SPA runs: the status, the head, the page's chunk. */
export interface StorefrontPage {
  status: 200 | 404 | 503;
  head: PageHead;
  /** Static HTML for the SPA's root until the script replaces it (the maintenance notice); trusted text only. */
  placeholder?: string;
  /** The page component's source module (a key of Vite's manifest): its chunk is modulepreloaded. */
  module?: string;
}

const PAGES = "src/pages/";
const title = (name: string) => `${name} · ${SITE_NAME}`;

/** Paths the SPA routes (client/src/app/app-routes.tsx) that are not catalog pages: 200, never indexed. */
const PRIVATE_OR_UTILITY: Array<[RegExp, string, string | undefined]> = [
  [/^\/login$/, "Sign in", "login-page"],
  [/^\/register$/, "Create an account", "register-page"],
  // Where the mailed links land (issue 11): a 404 status there would be a lie, and the page's chunk is preloaded.
  [/^\/forgot-password$/, "Forgot password", "forgot-password-page"],
  [/^\/reset-password$/, "Choose a new password", "reset-password-page"],
  [/^\/verify-email$/, "Confirm your e-mail", "verify-email-page"],
  [/^\/cart$/, "Your cart", "cart-page"],
  [/^\/checkout$/, "Checkout", "checkout-page"],
  [/^\/account$/, "Your account", "account-page"],
  [/^\/orders(?:\/[^/]+)?$/, "Your orders", undefined],
  [/^\/dashboard$/, "Live dashboard", undefined],
  [/^\/admin(?:\/.*)?$/, "Admin", undefined],
];

const CATALOG_PAGE = /^\/(sectors|brands|products)\/([^/]+)$/;

function money(cents: number, currency: string): { amount: string; label: string } {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return { amount: (cents / 10 ** digits).toFixed(digits), label: format.format(cents / 10 ** digits) };
}

type Crumb = { name: string; path: string };
function breadcrumbs(crumbs: Crumb[], absolute: (path: string) => string): object {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: absolute(c.path) })),
  };
}

const HOME: Crumb = { name: "Home", path: "/" };
const sectorCrumb = (s: { slug: string; name: string }): Crumb => ({ name: s.name, path: `/sectors/${s.slug}` });
const brandCrumb = (b: { slug: string; name: string }): Crumb => ({ name: b.name, path: `/brands/${b.slug}` });

export function notFoundPage(): StorefrontPage {
  return {
    status: 404,
    head: { title: title("Page not found"), description: "This page isn't in our catalog.", noindex: true, ogType: "website", jsonLd: [] },
    module: `${PAGES}not-found-page.tsx`,
  };
}

/**
 * Maintenance (ADR 073): 503 so crawlers keep the indexed page and come back (with Retry-After), `noindex`, and the
 * notice already in the first HTML, for readers without JavaScript and for the first paint before the SPA's own page.
 */
export function maintenancePage(): StorefrontPage {
  return {
    status: 503,
    head: { title: title("Back soon"), description: `${SITE_NAME} is closed for maintenance for a few minutes.`, noindex: true, ogType: "website", jsonLd: [] },
    placeholder:
      '<main style="max-width:36rem;margin:4rem auto;padding:0 1rem;font-family:system-ui,sans-serif"><h1>We’ll be right back</h1>' +
      `<p>${SITE_NAME} is closed for maintenance for a few minutes. Your cart is safe; please try again shortly.</p></main>`,
  };
}

/** The plain shell with the site's own head: for when the catalog cannot be asked (the SPA shows its error state). */
export function shellPage(): StorefrontPage {
  return { status: 200, head: { title: SITE_NAME, description: DEFAULT_DESCRIPTION, noindex: true, ogType: "website", jsonLd: [] } };
}

/**
 * Resolves a storefront path to its page through the catalog service (the shopper view, cached):
 * unknown paths and missing or archived products, brands and sectors are 404.
 */
export function createStorefrontPages(deps: { catalog: CatalogService; baseUrl: string; productPictures?: (productId: string) => Promise<string[]> }) {
  const { catalog, baseUrl, productPictures } = deps;
  const absolute = (path: string) => new URL(path, `${baseUrl}/`).href;

  function home(): StorefrontPage {
    const organization = { "@context": "https://schema.org", "@type": "Organization", name: SITE_NAME, url: absolute("/"), logo: absolute("/icon-512.png") };
    const website = {
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: SITE_NAME,
      url: absolute("/"),
      potentialAction: { "@type": "SearchAction", target: `${absolute("/search")}?q={search_term_string}`, "query-input": "required name=search_term_string" },
    };
    return {
      status: 200,
      head: {
        title: `${SITE_NAME} · Fresh finds from every corner of the planet`,
        description: DEFAULT_DESCRIPTION,
        canonicalPath: "/",
        ogType: "website",
        jsonLd: [organization, website],
      },
      module: `${PAGES}home-page.tsx`,
    };
  }

  function productPage(product: Product, pictures: string[]): StorefrontPage {
    const responsive = responsiveImage(product.imageUrl);
    const price = money(product.priceCents, product.currency);
    const path = `/products/${product.slug}`;
    const data = {
      "@context": "https://schema.org",
      "@type": "Product",
      name: product.name,
      description: clip(product.description, 5_000) || undefined,
      sku: product.slug,
      image: (pictures.length ? pictures : [product.imageUrl]).map(absolute),
      url: absolute(path),
      brand: { "@type": "Brand", name: product.brand.name },
      category: product.sector.name,
      offers: {
        "@type": "Offer",
        url: absolute(path),
        price: price.amount,
        priceCurrency: product.currency,
        availability: product.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
        itemCondition: "https://schema.org/NewCondition",
      },
    };
    return {
      status: 200,
      head: {
        title: title(product.name),
        description: product.description || `${product.name} by ${product.brand.name}, ${price.label} at ${SITE_NAME}.`,
        canonicalPath: path,
        ogType: "product",
        image: product.imageUrl,
        ...(responsive ? { imagePreload: { srcSet: responsive.srcSet.avif, sizes: PRODUCT_PAGE_IMAGE_SIZES } } : {}),
        properties: [
          ["product:price:amount", price.amount],
          ["product:price:currency", product.currency],
        ],
        jsonLd: [data, breadcrumbs([HOME, sectorCrumb(product.sector), brandCrumb(product.brand), { name: product.name, path }], absolute)],
      },
      module: `${PAGES}product-page.tsx`,
    };
  }

  function brandPage(brand: Brand): StorefrontPage {
    return {
      status: 200,
      head: {
        title: title(brand.name),
        description: brand.description || `${brand.name} products at ${SITE_NAME}.`,
        canonicalPath: `/brands/${brand.slug}`,
        ogType: "website",
        jsonLd: [breadcrumbs([HOME, sectorCrumb(brand.sector), brandCrumb(brand)], absolute)],
      },
      module: `${PAGES}brand-page.tsx`,
    };
  }

  function sectorPage(sector: Sector): StorefrontPage {
    return {
      status: 200,
      head: {
        title: title(sector.name),
        description: sector.description || `Brands and products in ${sector.name} at ${SITE_NAME}.`,
        canonicalPath: `/sectors/${sector.slug}`,
        ogType: "website",
        jsonLd: [breadcrumbs([HOME, sectorCrumb(sector)], absolute)],
      },
      module: `${PAGES}sector-page.tsx`,
    };
  }

  async function catalogPage(kind: string, slug: string): Promise<StorefrontPage> {
    // The SPA's links use slugs: anything else (an id, a typo, stray bytes) is not a page here.
    if (!slugSchema.safeParse(slug).success) return notFoundPage();
    try {
      if (kind === "products") {
        const product = await catalog.getProduct(slug);
        return productPage(product, (await productPictures?.(product.id)) ?? []);
      }
      if (kind === "brands") return brandPage(await catalog.getBrand(slug));
      return sectorPage(await catalog.getSector(slug));
    } catch (err) {
      if (err instanceof AppError && err.code === "not_found") return notFoundPage();
      throw err;
    }
  }

  return {
    async resolve(path: string): Promise<StorefrontPage> {
      if (path === "/") return home();
      const match = CATALOG_PAGE.exec(path);
      if (match) {
        let slug: string;
        try {
          slug = decodeURIComponent(match[2]!);
        } catch {
          return notFoundPage(); // not valid percent-encoded UTF-8: no such page
        }
        return catalogPage(match[1]!, slug);
      }
      if (path === "/search") {
        // Result pages are endless variations of one page: crawlers follow their links but do not index them.
        return {
          status: 200,
          head: { title: title("Search"), description: `Search every product at ${SITE_NAME}.`, noindex: true, ogType: "website", jsonLd: [] },
          module: `${PAGES}search-page.tsx`,
        };
      }
      const utility = PRIVATE_OR_UTILITY.find(([pattern]) => pattern.test(path));
      if (utility) {
        const [, name, page] = utility;
        return {
          status: 200,
          head: { title: title(name), description: DEFAULT_DESCRIPTION, noindex: true, ogType: "website", jsonLd: [] },
          module: page && `${PAGES}${page}.tsx`,
        };
      }
      return notFoundPage();
    },
  };
}
export type StorefrontPages = ReturnType<typeof createStorefrontPages>;
