// npm run db:seed [-- --force] [-- --products N]: migrate, then seed the demo catalog and demo users.
// --products N seeds N products (the 2,000 demo products, then "lots" of them: server/seed/scale-catalog.ts), with
// a progress bar; e.g. `npm run db:seed -- --force --products 100000` for the scale bench (bench/catalog-scale.ts).
// Without --force it seeds only an empty database (no sectors, no users); --force wipes the
// catalog and all orders first and resets the demo accounts.
import { openDatabase, type Database } from "../server/db";
import { parseEnv } from "../server/env";
import { DEMO_PASSWORD, DEMO_USERS, reseedDemoData, seedIfEmpty, type SeedOptions } from "../server/seed/seed-data";
import { progressBar } from "../server/seed/scale-catalog";

const force = process.argv.includes("--force");
const productsFlag = process.argv.indexOf("--products");
const productCount = productsFlag === -1 ? undefined : Number(process.argv[productsFlag + 1]);
if (productCount !== undefined && (!Number.isSafeInteger(productCount) || productCount < 1)) {
  console.error("db:seed: --products takes a positive whole number, e.g. --products 100000");
  process.exit(1);
}
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
  const options: SeedOptions = productCount === undefined ? {} : { products: productCount, onProgress: (done, total) => bar(done, total) };
  let barOf: ((done: number) => void) | undefined;
  const bar = (done: number, total: number) => (barOf ??= progressBar("products", total))(done);
  const result = force ? await reseedDemoData(database.db, log, options) : await seedIfEmpty(database.db, log, options);
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
