// The server bundle's esbuild options: used by scripts/build-server.mjs and by the test that checks what a boot loads.
// Code splitting: what a process loads only on demand (mail templates and React, sharp, otplib, qrcode, zxcvbn, the
// OpenAPI generator: `await import(…)` in the source) goes into dist/server/chunks/ and is read when first needed,
// not at boot (ADR 077); code both entries share is a chunk too. npm packages stay external (installed by npm ci).
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
  packages: "external",
  sourcemap: "linked",
  tsconfig: "tsconfig.server.json",
  logLevel: "warning",
};
