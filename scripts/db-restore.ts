// npm run db:restore -- <backup>.manifest.json [--force]: checks the dump's SHA-256, restores it into
// DATABASE_URL (or the embedded PGlite database in DATA_DIR), refusing a non-empty target unless --force,
// then compares row counts, the orders checksum and the migration level with the manifest.
import { parseArgs } from "node:util";
import { parseEnv } from "../server/env";
import { restoreBackup } from "../server/ops/backup";

try {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  const manifestPath = positionals[0];
  if (!manifestPath || positionals.length > 1) throw new Error("usage: npm run db:restore -- <backup>.manifest.json [--force]");
  const env = parseEnv();
  const startedAt = performance.now();
  const { restored } = await restoreBackup(manifestPath, { url: env.DATABASE_URL, dataDir: env.DATA_DIR }, { force: values.force });
  const rows = Object.values(restored.tables).reduce((a, b) => a + b, 0);
  console.log(
    `restored and verified in ${Math.round(performance.now() - startedAt)} ms: ${Object.keys(restored.tables).length} tables, ${rows} rows, ` +
      `orders checksum and migration ${restored.migration.tag} match the manifest`,
  );
} catch (err) {
  console.error(`db:restore failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
