// The checkout bench's database side: a fresh database seeded with products and buyers, the zero-oversell
// verdict read back after the run, and the PostgreSQL backends whose CPU time the bench reports.
import { sql } from "drizzle-orm";
import pg from "pg";
import { brands, products, sectors, users } from "@shared/schema";
import { openDatabase } from "../../server/db";
import { hashPassword } from "../../server/features/auth/password";

export const INITIAL_STOCK = 1_000_000;
export const BUYER_PASSWORD = "bench-password-123456";

export interface Seeded {
  productIds: string[];
  emails: string[];
}

export async function seedCheckout(url: string, productCount: number, buyerCount: number): Promise<Seeded> {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    await database.migrate();
    const db = database.db;
    const [sector] = await db.insert(sectors).values({ name: "Bench sector", slug: "bench-sector" }).returning({ id: sectors.id });
    const [brand] = await db.insert(brands).values({ name: "Bench brand", slug: "bench-brand", sectorId: sector!.id }).returning({ id: brands.id });
    const rows = await db
      .insert(products)
      .values(
        Array.from({ length: productCount }, (_, i) => ({
          name: `Bench product ${i}`,
          slug: `bench-product-${i}`,
          priceCents: 199 + ((i * 137) % 4_800),
          stock: INITIAL_STOCK,
          brandId: brand!.id,
        })),
      )
      .returning({ id: products.id });
    // One argon2 hash for every buyer: hashing is deliberately slow and not what this bench measures.
    const passwordHash = await hashPassword(BUYER_PASSWORD);
    const emails = Array.from({ length: buyerCount }, (_, i) => `buyer-${i}@bench.test`);
    await db.insert(users).values(emails.map((email, i) => ({ email, name: `Buyer ${i}`, passwordHash })));
    await db.execute(sql`analyze`);
    return { productIds: rows.map((r) => r.id), emails };
  } finally {
    await database.close();
  }
}

export interface Verdict {
  ordersByStatus: Record<string, number>;
  unitsHeld: number;
  unitsTaken: number;
  negativeStock: number;
  mismatchedProducts: number;
  chargesSucceeded: number;
}

/** Zero oversell: per product, initial − stock now = units of its orders that hold stock (all but cancelled). */
export async function verifyCheckout(url: string): Promise<Verdict> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const byStatus = await client.query<{ status: string; n: number }>("select status, count(*)::int as n from orders group by status");
    const perProduct = await client.query<{ taken: number; held: number; stock: number }>(
      `select $1::int - p.stock as taken, coalesce(h.units, 0)::int as held, p.stock
       from products p
       left join (select i.product_id, sum(i.quantity) as units from order_items i join orders o on o.id = i.order_id
                  where o.status <> 'cancelled' group by i.product_id) h on h.product_id = p.id`,
      [INITIAL_STOCK],
    );
    const charges = await client.query<{ n: number }>("select count(*)::int as n from transactions where kind = 'charge' and status = 'succeeded'");
    return {
      ordersByStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n])),
      unitsHeld: perProduct.rows.reduce((s, r) => s + r.held, 0),
      unitsTaken: perProduct.rows.reduce((s, r) => s + r.taken, 0),
      negativeStock: perProduct.rows.filter((r) => r.stock < 0).length,
      mismatchedProducts: perProduct.rows.filter((r) => r.taken !== r.held).length,
      chargesSucceeded: charges.rows[0]!.n,
    };
  } finally {
    await client.end();
  }
}

/**
 * VACUUM ANALYZE after the warm-up, so the measured window runs on statistics that know the order tables have rows.
 * The seed analyses them EMPTY, and a named statement's generic plan (ADR 059) is kept for the connection's life
 * unless an ANALYZE invalidates it: with autovacuum off (as on the shared bench server) every pooled connection kept
 * sequential scans for the whole run (one 20 s run: 7,386 of orders reading 18.7 M rows, 3,119 of idempotency_keys
 * reading 8.1 M; ADR 081). Production runs autovacuum, which does the same within a minute of the tables filling.
 * Returns the server's autovacuum setting, for the log.
 */
export async function analyzeAfterWarmUp(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("vacuum (analyze)");
    const { rows } = await client.query<{ autovacuum: string }>("show autovacuum");
    return rows[0]!.autovacuum;
  } finally {
    await client.end();
  }
}

/** Jobs due or running (the order.notify and mail jobs checkouts leave behind), for the drain after the run. */
export async function jobsOutstanding(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from jobs where state in ('queued', 'running') and run_at <= now()");
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** The PostgreSQL backends serving the bench database (the server's pool), by pid. */
export async function benchBackendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}
