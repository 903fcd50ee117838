// npm run lint:openapi: writes the OpenAPI document the app serves (built from the route tables, no server or
// database needed) to the path given, default dist/openapi.json, for Redocly CLI to lint (redocly.yaml).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildOpenApiDocument } from "../server/features/openapi/openapi.document";

const out = resolve(process.argv[2] ?? "dist/openapi.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`OpenAPI document written to ${out}`);
