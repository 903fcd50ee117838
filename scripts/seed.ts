// npm run db:seed [-- --force]: migrate, then seed the demo catalog and demo users.
// Without --force it seeds only an empty database (no sectors, no users); --force wipes the
// catalog and all orders first and resets the demo accounts.
import { openDatabase, type Database } from "../server/db";
import { parseEnv } from "../server/env";
import { DEMO_PASSWORD, DEMO_USERS, reseedDemoData, seedIfEmpty } from "../server/seed/seed-data";

const force = process.argv.includes("--force");
const log = (message: string) => console.log(message);

let database: Database | undefined;
try {
  const env = parseEnv();
  if (force && env.NODE_ENV === "production") {
    throw new Error("Refusing --force with NODE_ENV=production: it would delete the catalog and every order.");
  }
  database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
  await database.migrate();
  log(`migrations applied (driver ${database.driver})`);
  const result = force ? await reseedDemoData(database.db, log) : await seedIfEmpty(database.db, log);
  if (result.seeded) {
    log(`Demo logins (password: ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(", ")}`);
  } else {
    log("The database already has data; nothing seeded. Run `npm run db:seed -- --force` to wipe the catalog and orders and reseed.");
  }
} catch (err) {
  console.error(`db:seed failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database?.close().catch(() => undefined);
}
