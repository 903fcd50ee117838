// Bundles the web server and the worker-only process (`npm run worker`) into dist/server/{index,worker}.js plus the
// chunks they load on demand (dist/server/chunks/); the options are in server-build-options.mjs.
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { serverBuildOptions } from "./server-build-options.mjs";

rmSync("dist/server", { recursive: true, force: true }); // no chunks of an older build left behind
await build(serverBuildOptions);
console.log("built dist/server/index.js and dist/server/worker.js");
