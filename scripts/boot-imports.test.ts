import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { builtinModules } from "node:module";
import { keptOnDisk, serverBuildOptions } from "./server-build-options.mjs";

const packageOf = (path: string) => {
  const parts = path.split("node_modules/").at(-1)!.split("/");
  return parts.slice(0, parts[0]!.startsWith("@") ? 2 : 1).join("/");
};

/**
 * Every package the entry loads before its first line runs: static imports, followed through the shared chunks —
 * the packages kept on disk (external imports) and those bundled into the chunks it reads (their inputs, ADR 084).
 */
function packagesLoadedAtBoot(metafile: Metafile, entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const input of Object.keys(metafile.outputs[output]?.inputs ?? {})) if (input.includes("node_modules/")) packages.add(packageOf(input));
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind !== "import-statement") continue; // dynamic import(): loaded on demand
      if (imported.external) packages.add(imported.path.startsWith("node:") ? imported.path : packageOf(imported.path));
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

  it("when the bundle is built, then it reads from node_modules only the packages kept on disk (and vite, for npm run dev)", async () => {
    const result = await build({ ...serverBuildOptions, write: false, metafile: true, sourcemap: false, logLevel: "silent" });
    const external = new Set<string>();
    for (const output of Object.values(result.metafile!.outputs))
      for (const imported of output.imports) if (imported.external && !imported.path.startsWith("node:")) external.add(packageOf(imported.path));
    const fromDisk = [...external].filter((name) => !builtinModules.includes(name)).sort();

    expect(fromDisk.filter((name) => !keptOnDisk(name))).toEqual(["bufferutil", "pg-native", "utf-8-validate", "vite"]);
    expect(fromDisk).toContain("sharp");

    // A CommonJS package bundled as its own on-demand chunk exports only `default`: fine where the source takes the
    // default (qrcode), broken where it (or a package it loads) destructures names. Any other such chunk fails here.
    const defaultOnly = Object.values(result.metafile!.outputs)
      .filter((output) => output.entryPoint?.includes("node_modules/") && output.exports.join() === "default")
      .map((output) => packageOf(output.entryPoint!))
      .sort();
    expect(defaultOnly).toEqual(["qrcode"]);
  }, 30_000);
});
