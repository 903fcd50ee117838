import { AsyncLocalStorage } from "node:async_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_CARD_DECLINE } from "@shared/contracts/orders";
import { makeProduct, makeUser, uniqueSuffix } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";
import { ADDRESS, checkoutKey, orderBody } from "../../test/orders";

/**
 * ADR 075: how many statements a checkout sends to PostgreSQL. Counted on the pool the app queries through: a
 * statement outside a transaction is one `pool.query`; inside one, every statement (BEGIN and COMMIT included)
 * is a query on the client the transaction checked out. PostgreSQL only: round trips are a network cost.
 */

interface CountedPool {
  query: (...args: unknown[]) => unknown;
  connect: (...args: unknown[]) => unknown;
}

/**
 * The statements `fn` sends through `pool`. Only those made in `fn`'s own async context count: the app's
 * background timers (the metrics snapshot, flag refreshes) share the pool, and one of them once slipped into the
 * window as a sixth statement.
 */
const caller = new AsyncLocalStorage<string[]>();
async function statementsDuring(pool: CountedPool, fn: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const record = (first: unknown) =>
    caller.getStore() === sent &&
    sent.push((typeof first === "string" ? first : ((first as { text?: string })?.text ?? "")).trim().split(/\s+/).slice(0, 3).join(" "));
  const { query, connect } = pool;
  pool.query = (...args: unknown[]) => (record(args[0]), query.apply(pool, args));
  // Promise-style connect is a transaction (pool.query checks out its client with a callback).
  pool.connect = (...args: unknown[]) => {
    if (typeof args[0] === "function") return connect.apply(pool, args);
    return (connect.apply(pool, args) as Promise<CountedPool & { release: () => void }>).then((client) => {
      const own = client.query;
      client.query = (...qargs: unknown[]) => (record(qargs[0]), own.apply(client, qargs));
      const release = client.release;
      client.release = () => ((client.query = own), (client.release = release), release.call(client));
      return client;
    });
  };
  try {
    await caller.run(sent, fn);
  } finally {
    pool.query = query;
    pool.connect = connect;
  }
  return sent;
}

let t: TestApp;
let pool: CountedPool;

beforeAll(async () => {
  t = await createTestApp();
  pool = (t.db as unknown as { $client: CountedPool }).$client;
});

describe.skipIf(!process.env.DATABASE_URL)("checkout round trips (ADR 075)", () => {
  it("when a signed-in buyer pays with an Idempotency-Key, then the checkout is two statements: place, settle", async () => {
    const user = await makeUser(t.db);
    const [a, b] = [await makeProduct(t.db, { stock: 5 }), await makeProduct(t.db, { stock: 5 })];
    const body = orderBody([{ productId: a.id, quantity: 2 }, { productId: b.id }]);
    const sent = await statementsDuring(pool, () => t.services.orders.create(user, body, checkoutKey(`rt-${uniqueSuffix()}`), {}));
    expect(sent).toHaveLength(2);
    expect(sent.every((s) => s.startsWith("with"))).toBe(true);
  });

  it("when the same key comes again, then the replay is the placing statement (which claims nothing) and one read", async () => {
    const user = await makeUser(t.db);
    const product = await makeProduct(t.db, { stock: 5 });
    const key = checkoutKey(`rt-${uniqueSuffix()}`);
    const body = orderBody([{ productId: product.id }]);
    await t.services.orders.create(user, body, key, {});
    const sent = await statementsDuring(pool, () => t.services.orders.create(user, body, key, {}));
    expect(sent).toHaveLength(2);
  });

  it("when a guest pays, then settling adds the confirmation mail in one transaction: place, then BEGIN, settle, mail, COMMIT", async () => {
    const product = await makeProduct(t.db, { stock: 5 });
    const body = { ...orderBody([{ productId: product.id }]), email: `guest-${uniqueSuffix()}@example.com`, shippingAddress: ADDRESS };
    const sent = await statementsDuring(pool, () => t.services.orders.create(undefined, body, checkoutKey(`rt-${uniqueSuffix()}`), {}));
    // The whole list, so a failure names any statement that joined in.
    expect(sent.map((s) => s.toLowerCase())).toEqual(["with req as", "begin", "with moved as", 'insert into "jobs"', "commit"]);
  });

  it("when every line is short of stock, then the placing statement writes nothing and one more stores the 409 under the key", async () => {
    const user = await makeUser(t.db);
    const product = await makeProduct(t.db, { stock: 1 });
    const body = orderBody([{ productId: product.id, quantity: 2 }]);
    const sent = await statementsDuring(pool, () => t.services.orders.create(user, body, checkoutKey(`rt-${uniqueSuffix()}`), {}).catch(() => undefined));
    expect(sent).toHaveLength(2);
  });

  it("when the card is declined, then cancelling stays a transaction of its own (not the hot path)", async () => {
    const user = await makeUser(t.db);
    const product = await makeProduct(t.db, { stock: 5 });
    const sent = await statementsDuring(pool, () =>
      t.services.orders.create(user, orderBody([{ productId: product.id }], TEST_CARD_DECLINE), checkoutKey(`rt-${uniqueSuffix()}`), {}).catch(() => undefined),
    );
    expect(sent[0]).toMatch(/^with/i);
    expect(sent[1]).toMatch(/^begin/i);
  });
});
