// npm run db:backup [-- --out DIR]: dumps DATABASE_URL (pg_dump custom format), or the embedded PGlite database
// in DATA_DIR (stop the app first), into DIR (default ./backups) with a SHA-256 and a manifest.
// See docs/operations/backup-and-recovery.md.
import { parseArgs } from "node:util";
import { parseEnv } from "../server/env";
import { createBackup } from "../server/ops/backup";

try {
  const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
  const env = parseEnv();
  const startedAt = performance.now();
  const { manifestPath, manifest } = await createBackup({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }, values.out);
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(
    `backup written in ${Math.round(performance.now() - startedAt)} ms: ${manifest.file} (${manifest.bytes} bytes, sha256 ${manifest.sha256.slice(0, 12)}…), ` +
      `${Object.keys(manifest.tables).length} tables, ${rows} rows, migration ${manifest.migration.tag}\nmanifest: ${manifestPath}`,
  );
} catch (err) {
  console.error(`db:backup failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
