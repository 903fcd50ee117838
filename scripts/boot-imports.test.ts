import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { serverBuildOptions } from "./server-build-options.mjs";

/** Every package the entry loads before its first line runs: static imports, followed through the shared chunks. */
function packagesLoadedAtBoot(metafile: Metafile, entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind !== "import-statement") continue; // dynamic import(): loaded on demand
      if (imported.external) packages.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(entry);
  return packages;
}

describe("what the server loads at boot (ADR 077)", () => {
  it("when the bundle is built, then the packages only some requests need are not imported at boot", async () => {
    const result = await build({ ...serverBuildOptions, write: false, metafile: true, sourcemap: false, logLevel: "silent" });
    const atBoot = [...packagesLoadedAtBoot(result.metafile!, "dist/server/index.js")];
    const lazy = [
      /^sharp$/,
      /^@zxcvbn-ts\//,
      /^@react-email\//,
      /^react$/,
      /^nodemailer$/,
      /^otplib$/,
      /^qrcode$/,
      /^@asteasolutions\/zod-to-openapi$/,
      /^hdr-histogram-js$/,
      /^@electric-sql\/pglite/,
    ];
    expect(atBoot.filter((name) => lazy.some((pattern) => pattern.test(name)))).toEqual([]);
    expect(atBoot).toContain("express"); // the walk itself works
  }, 30_000);
});
