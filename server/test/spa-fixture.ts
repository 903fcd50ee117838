import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A stand-in for dist/client (tests of the API never need `npm run build`): an index.html shaped like
 * Vite's (default title and description, entry script, a modulepreload, the empty root), one asset and
 * a build manifest naming the data layer's chunk, the product page's chunk and a chunk it imports.
 */
export function makeSpaFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "fp-spa-"));
  mkdirSync(join(dir, "assets"));
  mkdirSync(join(dir, ".vite"));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Default description." />
    <title>FruitfulPlanet</title>
    <script type="module" crossorigin src="/assets/index-entry.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-core.js">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`,
  );
  writeFileSync(join(dir, "assets", "index-entry.js"), "export {};\n");
  writeFileSync(
    join(dir, ".vite", "manifest.json"),
    JSON.stringify({
      "index.html": { file: "assets/index-entry.js", isEntry: true, imports: ["_shared-core.js"] },
      "_shared-core.js": { file: "assets/shared-core.js" },
      "_product-grid.js": { file: "assets/product-grid-1.js", imports: ["_shared-core.js"] },
      "src/app/app-routes.tsx": { file: "assets/app-routes-1.js", isDynamicEntry: true, imports: ["_shared-core.js", "index.html"] },
      "src/pages/product-page.tsx": { file: "assets/product-page-1.js", isDynamicEntry: true, imports: ["_product-grid.js", "_shared-core.js"] },
      "src/pages/home-page.tsx": { file: "assets/home-page-1.js", isDynamicEntry: true, imports: ["_product-grid.js"] },
    }),
  );
  return dir;
}

/** Every JSON-LD block of an HTML document, parsed. */
export function jsonLdBlocks(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}
