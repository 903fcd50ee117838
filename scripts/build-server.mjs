// Bundles the web server and the worker-only process into dist/server/{index,worker}.js; npm packages stay
// external (installed by npm ci).
import { build } from "esbuild";

await build({
  entryPoints: ["server/index.ts", "server/worker.ts"],
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
console.log("built dist/server/index.js and dist/server/worker.js");
