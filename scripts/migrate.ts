// npm run db:migrate: applies the committed migrations (migrations/) to DATABASE_URL, or to the
// embedded PGlite database in DATA_DIR when DATABASE_URL is unset.
import { openDatabase, type Database } from "../server/db";
import { parseEnv } from "../server/env";

let database: Database | undefined;
try {
  const env = parseEnv();
  const startedAt = performance.now();
  database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1 });
  await database.migrate();
  console.log(`migrations applied (driver ${database.driver}) in ${Math.round(performance.now() - startedAt)} ms`);
} catch (err) {
  console.error(`db:migrate failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database?.close().catch(() => undefined);
}
