import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import express, { type Express, type RequestHandler } from "express";
import { AppError } from "./app-error";
import { clientDistDir } from "./paths";

/** Answers the SPA's page requests from the built index.html (the storefront renders each page's head). */
export type SpaPageHandlerFactory = (indexHtml: string, distDir: string) => RequestHandler;

/**
 * Serves the built SPA: hashed assets cached for a year (a missing one is 404, never index.html),
 * other public files for an hour, and every other GET answered by `pages` (by default: index.html as it
 * is, 200, for wouter to route).
 */
export function mountBuiltSpa(app: Express, distDir = clientDistDir, pages?: SpaPageHandlerFactory): boolean {
  const indexHtml = join(distDir, "index.html");
  if (!existsSync(indexHtml)) return false;
  app.use("/assets", express.static(join(distDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
  // A hashed file this build does not have (an older build's chunk, during a rollout): 404 that nobody caches,
  // so the SPA's one reload (ADR 047) and any CDN ask again instead of remembering the miss.
  app.use("/assets", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next(new AppError("not_found", "No such asset in this build."));
  });
  app.use(express.static(distDir, { index: false, maxAge: "1h" }));
  const sendShell: RequestHandler = (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexHtml);
  };
  app.get("/{*splat}", pages ? pages(readFileSync(indexHtml, "utf8"), distDir) : sendShell);
  return true;
}
