// Starts the built server (dist/server/index.js, as `npm start` does) on a brand-new embedded
// database: a temporary DATA_DIR per run, removed again when the server exits.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dataDir = mkdtempSync(join(tmpdir(), "fruitful-e2e-"));
process.env.DATA_DIR = dataDir;
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

await import("../dist/server/index.js");
