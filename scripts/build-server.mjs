// Bundles the web server and the worker-only process (`npm run worker`) into dist/server/{index,worker}.js;
// npm packages stay external (installed by npm ci).
import { build } from "esbuild";

const options = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  tsconfig: "tsconfig.server.json",
  logLevel: "warning",
};
await Promise.all([
  build({ ...options, entryPoints: ["server/index.ts"], outfile: "dist/server/index.js" }),
  build({ ...options, entryPoints: ["server/worker.ts"], outfile: "dist/server/worker.js" }),
]);
console.log("built dist/server/index.js and dist/server/worker.js");
