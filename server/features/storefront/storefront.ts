import type { Express } from "express";
import type { AppContext } from "../../context";
import { mountBuiltSpa } from "../../lib/spa";
import type { CatalogService } from "../catalog/catalog.service";
import type { MediaService } from "../media/media.service";
import type { SettingsService } from "../settings/settings.service";
import { createSpaDocument } from "./spa-document";
import { createStorefrontPages } from "./storefront-pages";
import { seoFileRoutes, storefrontPageHandler, type StorefrontDeps } from "./storefront.routes";

const depsOf = (ctx: AppContext, catalog: CatalogService, media?: MediaService, settings?: Pick<SettingsService, "flags">): StorefrontDeps => ({
  catalog,
  productPictures: media?.pictureUrls,
  maintenanceMode: settings && (async () => (await settings.flags()).maintenanceMode),
  baseUrl: ctx.env.PUBLIC_BASE_URL,
  sitemapUrlsPerFile: ctx.env.SITEMAP_URLS_PER_FILE,
});

/** robots.txt and the sitemaps: served in development too (they need no build). */
export function mountSeoFiles(app: Express, ctx: AppContext, catalog: CatalogService): void {
  app.use(seoFileRoutes(depsOf(ctx, catalog)));
}

/** The built SPA with each storefront page's head and status rendered by the server (ADR 046). */
export function mountStorefront(
  app: Express,
  ctx: AppContext,
  services: { catalog: CatalogService; media?: MediaService; settings?: Pick<SettingsService, "flags"> },
  distDir?: string,
): boolean {
  const deps = depsOf(ctx, services.catalog, services.media, services.settings);
  const pages = createStorefrontPages(deps);
  return mountBuiltSpa(app, distDir, (indexHtml, dir) =>
    storefrontPageHandler(pages, createSpaDocument(indexHtml, dir, deps.baseUrl), ctx.logger, deps.maintenanceMode),
  );
}
