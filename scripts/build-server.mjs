// Bundles the server into dist/server/index.js; npm packages stay external (installed by npm ci).
import { build } from "esbuild";

await build({
  entryPoints: ["server/index.ts"],
  outfile: "dist/server/index.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
console.log("built dist/server/index.js");
