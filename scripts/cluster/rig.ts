import pg from "pg";
import { sleep } from "../../bench/lib/config";
import { DEMO_PASSWORD, DEMO_USERS } from "../../server/seed/seed-data";
import { bearerToken, checkout, json, send, type Answer } from "./http";
import type { LoadRequest } from "./load";
import { replicaEnv, startReplica, type PrivatePostgres, type PrivateRedis, type Replica } from "./processes";

/** What every scenario works with: the running cluster, the seeded data and the logins. */
export interface Rig {
  proxy: string;
  replicas: Replica[];
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  /** Products with stock to spare (the load's checkouts never run out). */
  plentiful: { id: string; slug: string }[];
  /** A product with little stock, sold out on purpose by the PostgreSQL scenario. */
  scarce: { id: string; stock: number };
  /** Stock of every product before any order, to prove no oversell at the end. */
  initialStock: Map<string, number>;
  customerToken: string;
}

export interface ScenarioResult {
  title: string;
  pass: boolean;
  lines: string[];
}

export const PLENTIFUL_STOCK = 1_000_000;
const SCARCE_STOCK = 60;

/** Runs one query on a connection of its own (the rig's view of the database survives a PostgreSQL restart). */
export async function query<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Gives the load's products plenty of stock and one product a little; remembers every product's stock. */
export async function prepareCatalog(url: string): Promise<Pick<Rig, "plentiful" | "scarce" | "initialStock">> {
  const active = await query<{ id: string; slug: string }>(url, "select id, slug from products where status = 'active' order by slug limit 21");
  if (active.length < 21) throw new Error(`the seeded catalog has only ${active.length} active products`);
  const plentiful = active.slice(0, 20);
  const scarce = active[20]!;
  // Stock lives on the variants (issue 12), the product row keeping their total and its reads' copy of the variants
  // (ADR 079): the seed's products have one variant each.
  for (const table of ["product_variants", "products"] as const) {
    const key = table === "products" ? "id" : "product_id";
    const set = table === "products" ? "stock = $1, variants = jsonb_set(variants, '{0,stock}', to_jsonb($1::int))" : "stock = $1";
    await query(url, `update ${table} set ${set} where ${key} = any($2::uuid[])`, [PLENTIFUL_STOCK, plentiful.map((p) => p.id)]);
    await query(url, `update ${table} set ${set} where ${key} = $2`, [SCARCE_STOCK, scarce.id]);
  }
  const stock = await query<{ id: string; stock: number }>(url, "select id, stock from products");
  return { plentiful, scarce: { id: scarce.id, stock: SCARCE_STOCK }, initialStock: new Map(stock.map((r) => [r.id, r.stock])) };
}

export function demoLogin(role: "customer" | "staff"): { email: string; password: string } {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo ${role} in server/seed/seed-data.ts`);
  return { email: user.email, password: DEMO_PASSWORD };
}

export function customerLogin(proxy: string): Promise<string> {
  const { email, password } = demoLogin("customer");
  return bearerToken(proxy, email, password);
}

/** The mixed traffic of a shop: mostly listing and product pages, some checkouts (each with its own Idempotency-Key). */
export function shopTraffic(rig: Rig, checkoutShare: number, scarceShare = 0): (i: number) => LoadRequest {
  return (i) => {
    const product = rig.plentiful[i % rig.plentiful.length]!;
    const roll = (i * 7919) % 100; // deterministic spread of kinds over the sequence
    if (roll < scarceShare * 100) {
      return { kind: "checkout-scarce", run: (from) => checkout(rig.proxy, rig.customerToken, [{ productId: rig.scarce.id, quantity: 1 + (i % 3) }], from) };
    }
    if (roll < (scarceShare + checkoutShare) * 100) {
      return { kind: "checkout", run: (from) => checkout(rig.proxy, rig.customerToken, [{ productId: product.id, quantity: 1 }], from) };
    }
    if (roll % 2 === 0) {
      return { kind: "list", run: (from) => send(`${rig.proxy}/api/v1/products?limit=12&sort=${i % 3 === 0 ? "price" : "newest"}`, { agent: from }) };
    }
    return { kind: "product", run: (from) => send(`${rig.proxy}/api/v1/products/${product.slug}`, { agent: from }) };
  };
}

export interface ReadinessSample {
  replica: number;
  at: number;
  status: number | "error";
  checks?: Record<string, string>;
  ms: number;
}

/** Polls every replica's readiness directly (not through nginx) every `everyMs` until stopped. */
export function watchReadiness(replicas: Replica[], everyMs = 250) {
  const samples: ReadinessSample[] = [];
  const started = performance.now();
  let running = true;
  const loops = replicas.map(async (replica) => {
    while (running) {
      const at = performance.now() - started;
      const answer: Answer | undefined = await send(`${replica.base}/api/health/readiness`, { timeoutMs: 3_000 }).catch(() => undefined);
      if (answer) {
        const body = json<{ checks?: Record<string, string> }>(answer);
        samples.push({ replica: replica.index, at, status: answer.status, checks: body.checks, ms: answer.ms });
      } else {
        samples.push({ replica: replica.index, at, status: "error", ms: performance.now() - started - at });
      }
      await sleep(everyMs);
    }
  });
  return {
    samples,
    elapsedMs: () => performance.now() - started,
    async stop() {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

/** Starts a replica again on its port with the same settings (the rolling restart). */
export function restartReplica(rig: Rig, replica: Replica): Promise<Replica> {
  return startReplica(replica.index, replica.port, replicaEnv(replica.port, rig.postgres, rig.redis));
}
