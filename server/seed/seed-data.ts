import { sql } from "drizzle-orm";
import { brands, products, sectors, users, type Role } from "@shared/schema";
import { executorOf, runInTransaction, type Db, type TxScope } from "../db";
import { hashPassword } from "../features/auth/password";
import { generateDemoCatalog, type DemoCatalog } from "./demo-catalog";
import { scaleCatalog } from "./scale-catalog";

/** The demo logins: printed by server/index.ts at boot and seeded here, so they cannot drift apart. */
export const DEMO_PASSWORD = "fruitful-demo-2026";
export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@fruitful.test", name: "Ada Admin", role: "admin" },
  { email: "staff@fruitful.test", name: "Sam Staff", role: "staff" },
  { email: "shopper@fruitful.test", name: "Shay Shopper", role: "customer" },
];

/** Serialises seeding across replicas that boot together (any constant; migrations use 727_001). */
const SEED_LOCK_ID = 727_002;
const BATCH_SIZE = 500; // 500 products × 12 columns stays far below PostgreSQL's 65,535 parameters

export type SeedLog = (message: string) => void;

/** Optional seeding settings: the product count (default: the 2,000-product demo catalog) and a progress callback. */
export interface SeedOptions {
  products?: number;
  /** Called after each batch of products with the number inserted so far (a progress bar); replaces the per-batch log. */
  onProgress?: (done: number, total: number) => void;
}

const catalogFor = (options: SeedOptions) => (options.products === undefined ? generateDemoCatalog() : scaleCatalog(generateDemoCatalog(), options.products));

export interface SeedResult {
  seeded: boolean;
  sectors: number;
  brands: number;
  products: number;
  users: number;
  ms: number;
}

async function isEmpty(db: Db, tx?: TxScope): Promise<boolean> {
  const executor = executorOf(db, tx);
  const [anySector] = await executor.select({ id: sectors.id }).from(sectors).limit(1);
  const [anyUser] = await executor.select({ id: users.id }).from(users).limit(1);
  return !anySector && !anyUser;
}

/** Hashing takes ~30 ms a user; done before the transaction so the lock is held briefly. */
async function demoUserRows() {
  return Promise.all(DEMO_USERS.map(async (u) => ({ ...u, passwordHash: await hashPassword(DEMO_PASSWORD), emailVerifiedAt: new Date() })));
}

async function insertCatalog(
  db: Db,
  scope: TxScope,
  catalog: DemoCatalog,
  userRows: Awaited<ReturnType<typeof demoUserRows>>,
  log: SeedLog,
  onProgress?: SeedOptions["onProgress"],
) {
  const tx = executorOf(db, scope);
  log(
    `Seeding demo catalog: ${catalog.sectors.length} sectors, ${catalog.brands.length} brands, ${catalog.products.length} products, ${userRows.length} demo users…`,
  );
  await tx.insert(sectors).values(catalog.sectors);
  // Brands before products: the search_vector trigger reads the brand name on product insert.
  await tx.insert(brands).values(catalog.brands);
  for (let i = 0; i < catalog.products.length; i += BATCH_SIZE) {
    const batch = catalog.products.slice(i, i + BATCH_SIZE);
    await tx.insert(products).values(batch);
    if (onProgress) onProgress(i + batch.length, catalog.products.length);
    else log(`products ${i + batch.length}/${catalog.products.length}`);
  }
  // Upsert so a --force reseed also resets a demo account whose password or role was changed.
  await tx
    .insert(users)
    .values(userRows)
    .onConflictDoUpdate({
      target: users.email,
      set: {
        name: sql`excluded.name`,
        role: sql`excluded.role`,
        passwordHash: sql`excluded.password_hash`,
        emailVerifiedAt: sql`excluded.email_verified_at`,
        updatedAt: sql`now()`,
      },
    });
}

function result(catalog: DemoCatalog, startedAt: number, seeded: boolean): SeedResult {
  return {
    seeded,
    sectors: seeded ? catalog.sectors.length : 0,
    brands: seeded ? catalog.brands.length : 0,
    products: seeded ? catalog.products.length : 0,
    users: seeded ? DEMO_USERS.length : 0,
    ms: Math.round(performance.now() - startedAt),
  };
}

/**
 * Seeds the demo catalog and demo users when the database has no sectors and no users.
 * Safe when several replicas boot at once: the emptiness check is repeated under a
 * transaction-scoped advisory lock, so exactly one of them seeds.
 */
export async function seedIfEmpty(db: Db, log: SeedLog, options: SeedOptions = {}): Promise<SeedResult> {
  const startedAt = performance.now();
  const empty: DemoCatalog = { sectors: [], brands: [], products: [] };
  if (!(await isEmpty(db))) return result(empty, startedAt, false);

  const catalog = catalogFor(options);
  const userRows = await demoUserRows();
  // Inside the transaction only tx is used: PGlite is one connection and would hang on db.
  const seeded = await runInTransaction(db, async (tx) => {
    await executorOf(db, tx).execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    if (!(await isEmpty(db, tx))) return false;
    await insertCatalog(db, tx, catalog, userRows, log, options.onProgress);
    return true;
  });
  const outcome = result(seeded ? catalog : empty, startedAt, seeded);
  log(seeded ? `done in ${outcome.ms} ms` : "demo data already present (seeded by another process); skipped");
  return outcome;
}

/**
 * Wipes the catalog and all orders, then seeds again (npm run db:seed -- --force). Demo accounts
 * are reset to their demo name, role and password; other users keep their accounts.
 */
export async function reseedDemoData(db: Db, log: SeedLog, options: SeedOptions = {}): Promise<SeedResult> {
  const startedAt = performance.now();
  const catalog = catalogFor(options);
  const userRows = await demoUserRows();
  await runInTransaction(db, async (scope) => {
    const tx = executorOf(db, scope);
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    log("Wiping catalog and orders…");
    // Explicit list of what goes; CASCADE only follows foreign keys into these tables.
    await tx.execute(sql`truncate table order_items, order_events, transactions, orders, idempotency_keys, products, brands, sectors cascade`);
    await insertCatalog(db, scope, catalog, userRows, log, options.onProgress);
  });
  const outcome = result(catalog, startedAt, true);
  log(`done in ${outcome.ms} ms`);
  return outcome;
}
