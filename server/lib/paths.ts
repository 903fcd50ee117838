import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository (or image) root: the nearest folder above this module holding package.json.
 * Works both from source (tsx) and from the bundle in dist/server. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot();
export const migrationsDir = resolve(projectRoot, "migrations");
export const clientDistDir = resolve(projectRoot, "dist/client");
