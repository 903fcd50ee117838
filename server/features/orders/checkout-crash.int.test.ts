import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_CARD_SLOW } from "@shared/contracts/orders";
import { orderEvents, orders } from "@shared/schema";
import type { Database } from "../../db";
import { accessTokenFor } from "../../test/agents";
import { testDatabase, workerDatabaseUrl } from "../../test/database";
import { makeProduct, makeUser } from "../../test/factories";
import { waitFor } from "../../test/wait-for";
import { orderBody, stockOf } from "../../test/orders";

/**
 * The crash the pending-order sweep exists for: the real server is killed (-9) while a checkout waits on the
 * slow test card, then started again. Real processes share the database, so this file needs DATABASE_URL.
 */
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const PORT = 5401;
const SESSION_SECRET = "crash-test-session-secret-that-is-long-enough";

function startServer(url: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: "5",
      SESSION_SECRET,
      HOST: "127.0.0.1",
      PORT: String(PORT),
      PENDING_ORDER_TIMEOUT_SECONDS: "5",
      JOBS_POLL_MS: "100",
    },
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("FruitfulPlanet is ready")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
  ready.catch(() => {}); // awaited by the test; an exit after readiness is not a failure here
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

describe.skipIf(!process.env.DATABASE_URL)("a checkout crashed mid-charge (real server, PostgreSQL)", () => {
  let url: string;
  let database: Database;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    url = (await workerDatabaseUrl())!;
    database = await testDatabase();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  it("when the server is killed while the slow card is charging and started again, then within 60 s the order is cancelled and its stock is back exactly once", async () => {
    const user = await makeUser(database.db);
    const product = await makeProduct(database.db, { stock: 5 });
    const first = startServer(url);
    children.push(first.child);
    await first.ready;

    const checkout = fetch(`http://127.0.0.1:${PORT}/api/v1/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: accessTokenFor({ ctx: { env: { SESSION_SECRET } } }, user.id) },
      body: JSON.stringify(orderBody([{ productId: product.id, quantity: 2 }], TEST_CARD_SLOW)),
    }).catch((err: Error) => err);
    const orderOfUser = async () => (await database.db.select().from(orders).where(eq(orders.userId, user.id)))[0];
    await waitFor(async () => (await orderOfUser()) !== undefined, 15_000, "the pending order");
    first.child.kill("SIGKILL"); // mid-charge: the slow card answers after 3 s
    await exited(first.child);
    expect(await checkout).toBeInstanceOf(Error);
    const order = (await orderOfUser())!;
    expect(order.status).toBe("pending");
    expect(await stockOf(database.db, product.id)).toBe(3);

    const restartedAt = Date.now();
    const second = startServer(url);
    children.push(second.child);
    await second.ready;
    await waitFor(async () => (await orderOfUser())!.status !== "pending", 60_000 - (Date.now() - restartedAt), "the sweep to settle the order");

    // The restarted process's provider never recorded the charge: cancelled, not paid.
    expect((await orderOfUser())!.status).toBe("cancelled");
    expect(await stockOf(database.db, product.id)).toBe(5);
    const events = await database.db
      .select({ status: orderEvents.status, actor: orderEvents.actor })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id));
    expect(events.map((e) => `${e.status}:${e.actor}`).sort()).toEqual(["cancelled:system", `pending:${user.id}`].sort());

    second.child.kill("SIGTERM");
    await exited(second.child);
    expect(await stockOf(database.db, product.id)).toBe(5);
  }, 120_000);
});
