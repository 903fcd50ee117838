// The server bundle's esbuild options: used by scripts/build-server.mjs and by the test that checks what a boot loads.
// Code splitting: what a process loads only on demand (mail templates and React, sharp, otplib, qrcode, zxcvbn, the
// OpenAPI generator: `await import(…)` in the source) goes into dist/server/chunks/ and is read when first needed,
// not at boot (ADR 077); code both entries share is a chunk too.
// The npm packages the server depends on are bundled in (ADR 084): resolving and reading ~1,500 files of
// node_modules one by one cost a third of the boot's CPU. A few stay files on disk, installed by npm ci.
import { readFileSync } from "node:fs";

const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/**
 * Native addons, WebAssembly and assets read from beside their code, worker-thread entry files; and packages loaded
 * on demand (never at boot, so bundling gains nothing) that are or import CommonJS for named exports — a chunk made
 * of a CommonJS module exports only `default`: OpenTelemetry (tracing on), React and React Email (mail rendering,
 * react-dom/server is CommonJS).
 */
const KEPT_ON_DISK = [
  "@node-rs/argon2",
  "sharp",
  "@electric-sql/pglite",
  "swagger-ui-dist",
  "pino",
  "react",
  "react-dom",
  "@opentelemetry/*",
  "@react-email/*",
];
export const keptOnDisk = (name) => KEPT_ON_DISK.some((kept) => (kept.endsWith("/*") ? name.startsWith(kept.slice(0, -1)) : name === kept));
/** Optional peers that bundled packages try to load and do without (pg's native binding, ws's speed-ups). */
export const OPTIONAL_PEERS = new Set(["pg-native", "bufferutil", "utf-8-validate"]);

const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/**
 * Bundles a package when our code imports it from `dependencies`, or a bundled package imports it; everything
 * else stays an import of node_modules: devDependencies (vite, which only `npm run dev` loads) and the above.
 */
const bundleDependencies = {
  name: "bundle-dependencies",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:") || args.path.startsWith("@shared/")) return undefined;
      const name = packageName(args.path);
      if (keptOnDisk(name) || OPTIONAL_PEERS.has(name)) return { external: true };
      const fromPackage = args.importer.includes("/node_modules/");
      return fromPackage || name in dependencies ? undefined : { external: true };
    });
  },
};

/** @type {import("esbuild").BuildOptions} */
export const serverBuildOptions = {
  entryPoints: { index: "server/index.ts", worker: "server/worker.ts" },
  outdir: "dist/server",
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [bundleDependencies],
  // A package's ES module build before its CommonJS one (esbuild's node default is the reverse), for the reason above.
  mainFields: ["module", "main"],
  // CommonJS packages bundled into ES modules still call require() (node: built-ins, the packages kept on disk).
  banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);" },
  sourcemap: "linked",
  tsconfig: "tsconfig.server.json",
  logLevel: "warning",
};
