import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express } from "express";
import { clientDistDir } from "./paths";

/**
 * Serves the built SPA: hashed assets cached for a year, index.html never cached, and
 * index.html for every client route (wouter decides what to render).
 */
export function mountBuiltSpa(app: Express, distDir = clientDistDir): boolean {
  const indexHtml = join(distDir, "index.html");
  if (!existsSync(indexHtml)) return false;
  app.use("/assets", express.static(join(distDir, "assets"), { immutable: true, maxAge: "1y", index: false, fallthrough: false }));
  app.use(express.static(distDir, { index: false, maxAge: "1h" }));
  app.get("/{*splat}", (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexHtml);
  });
  return true;
}
