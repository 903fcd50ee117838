import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml } from "./html";
import { renderHead } from "./storefront-head";
import type { StorefrontPage } from "./storefront-pages";

const ROOT = /(<div id="root">)(<\/div>)/;

/** The part of Vite's build manifest (build.manifest) the server reads: each module's chunk and its static imports. */
interface ManifestChunk {
  file: string;
  imports?: string[];
}
type ViteManifest = Record<string, ManifestChunk>;

/**
 * The data layer and routes (client/src/app/app-routes.tsx): every page needs it, and the entry imports it
 * lazily so the first paint needs no TanStack Query (ADR 063). Preloaded first, with the page's own chunk.
 */
export const APP_ROUTES_MODULE = "src/app/app-routes.tsx";

function readManifest(distDir: string): ViteManifest | undefined {
  const path = join(distDir, ".vite", "manifest.json");
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as ViteManifest;
  } catch {
    return undefined; // a broken manifest costs the preload hints, never the page
  }
}

/**
 * The built index.html as a template (head-only injection, ADR 046): its own <title> and description
 * give way to the page's head, and the page's chunk is modulepreloaded so it downloads beside the entry
 * instead of after it, together with the data layer's chunk (APP_ROUTES_MODULE). The body stays the SPA's empty root; the template is read once at startup.
 */
export function createSpaDocument(indexHtml: string, distDir: string, baseUrl: string) {
  const manifest = readManifest(distDir);
  // The page's head goes where the template's <title> was (early, before the scripts); chunk hints go last.
  const HEAD = "<!--fp:head-->";
  let template = indexHtml.replace(/\s*<meta\s+name=["']description["'][^>]*>/i, "");
  template = /<title>[\s\S]*?<\/title>/i.test(template)
    ? template.replace(/<title>[\s\S]*?<\/title>/i, HEAD)
    : template.replace(/\s*<\/head>/i, `\n    ${HEAD}\n  </head>`);
  const [top = "", rest = ""] = template.split(HEAD);
  const headEnd = rest.search(/\s*<\/head>/i);
  const [middle, bottom] = headEnd >= 0 ? [rest.slice(0, headEnd), rest.slice(headEnd)] : [rest, ""];
  // Files index.html already loads or preloads need no second hint.
  const alreadyLoaded = new Set([...indexHtml.matchAll(/(?:src|href)=["']\/?(assets\/[^"']+)["']/g)].map((m) => m[1]!));

  const preloadCache = new Map<string, string>();
  function preloadsFor(module: string | undefined): string {
    if (!manifest) return "";
    module ??= APP_ROUTES_MODULE;
    const cached = preloadCache.get(module);
    if (cached !== undefined) return cached;
    const files: string[] = [];
    const seen = new Set<string>();
    const walk = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || seen.has(key)) return;
      seen.add(key);
      if (!alreadyLoaded.has(chunk.file)) files.push(chunk.file);
      chunk.imports?.forEach(walk);
    };
    walk(APP_ROUTES_MODULE);
    walk(module);
    const html = files.map((file) => `\n    <link rel="modulepreload" crossorigin href="/${escapeHtml(file)}" />`).join("");
    preloadCache.set(module, html);
    return html;
  }

  return {
    render(page: StorefrontPage): string {
      const html = `${top}${renderHead(page.head, baseUrl)}${middle}${preloadsFor(page.module)}${bottom}`;
      // createRoot replaces whatever the root holds, so the placeholder shows only until the SPA renders.
      return page.placeholder ? html.replace(ROOT, `$1${page.placeholder}$2`) : html;
    },
  };
}
export type SpaDocument = ReturnType<typeof createSpaDocument>;
