import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Inventory } from "./inventory";

export const MANIFEST_VERSION = 1;

/** `pg-custom`: pg_dump --format=custom of a PostgreSQL database; `pglite-datadir`: PGlite's dumpDataDir tarball. */
export type BackupFormat = "pg-custom" | "pglite-datadir";

/** Written beside the dump as <name>.manifest.json: what the dump is, its checksum, and what it holds. */
export interface BackupManifest extends Inventory {
  manifestVersion: typeof MANIFEST_VERSION;
  format: BackupFormat;
  /** The dump's file name, in the manifest's own folder. */
  file: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  /** The tool that wrote the dump ("pg_dump (PostgreSQL) 15.20", "PGlite dumpDataDir"). */
  tool: string;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** Reads a manifest and checks its dump against the recorded SHA-256 before anything is restored from it. */
export async function readVerifiedManifest(manifestPath: string): Promise<{ manifest: BackupManifest; dumpPath: string }> {
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as BackupManifest;
  if (manifest.manifestVersion !== MANIFEST_VERSION) throw new Error(`unsupported manifest version ${String(manifest.manifestVersion)}`);
  const dumpPath = resolve(dirname(manifestPath), manifest.file);
  const actual = await sha256File(dumpPath);
  if (actual !== manifest.sha256) throw new Error(`checksum mismatch for ${manifest.file}: the manifest says ${manifest.sha256}, the file is ${actual}`);
  return { manifest, dumpPath };
}
