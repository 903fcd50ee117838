import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatOrderNumber, TEST_CARD_SLOW } from "@shared/contracts/orders";
import { orderEvents, orders } from "@shared/schema";
import type { Database } from "../../db";
import { accessTokenFor } from "../../test/agents";
import { startChildServer, type ChildServer } from "../../test/child-server";
import { installTestDataCipher } from "../../test/data-cipher";
import { testDatabase, workerDatabaseUrl } from "../../test/database";
import { makeProduct, makeUser } from "../../test/factories";
import { startSmtpSink, type SmtpSink } from "../../test/smtp-sink";
import { waitFor } from "../../test/wait-for";
import { orderBody, stockOf } from "../../test/orders";

/**
 * The crash the pending-order sweep exists for: the real server is killed (-9) while a checkout waits on the
 * slow test card, then started again. Real processes share the database, so this file needs DATABASE_URL.
 * Mails go to a real SMTP server in this process: the shopper must hear exactly once how it ended.
 */
const SESSION_SECRET = "crash-test-session-secret-that-is-long-enough";

describe.skipIf(!process.env.DATABASE_URL)("a checkout crashed mid-charge (real server, PostgreSQL)", () => {
  let url: string;
  let database: Database;
  let smtp: SmtpSink;
  const servers: ChildServer[] = [];
  const startServer = async () => {
    const server = await startChildServer(0, {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: "5",
      SESSION_SECRET,
      PENDING_ORDER_TIMEOUT_SECONDS: "5",
      JOBS_POLL_MS: "100",
      SMTP_URL: smtp.url,
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    installTestDataCipher(SESSION_SECRET); // the child server seals addresses with the key this secret derives (ADR 058)
    url = (await workerDatabaseUrl())!;
    database = await testDatabase();
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    for (const { child } of servers) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await smtp.close();
  });

  it("when the server is killed while the slow card is charging and started again, then within 60 s the order is cancelled, its stock is back exactly once and exactly one cancellation mail goes out", async () => {
    const user = await makeUser(database.db);
    const product = await makeProduct(database.db, { stock: 5 });
    const first = await startServer();

    const checkout = fetch(`${first.baseUrl}/api/v1/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: accessTokenFor({ ctx: { env: { SESSION_SECRET } } }, user.id) },
      body: JSON.stringify(orderBody([{ productId: product.id, quantity: 2 }], TEST_CARD_SLOW)),
    }).catch((err: Error) => err);
    const orderOfUser = async () => (await database.db.select().from(orders).where(eq(orders.userId, user.id)))[0];
    await waitFor(async () => (await orderOfUser()) !== undefined, 15_000, "the pending order");
    first.child.kill("SIGKILL"); // mid-charge: the slow card answers after 3 s
    await first.exited;
    expect(await checkout).toBeInstanceOf(Error);
    const order = (await orderOfUser())!;
    expect(order.status).toBe("pending");
    expect(await stockOf(database.db, product.id)).toBe(3);

    const restartedAt = Date.now();
    const second = await startServer();
    await waitFor(async () => (await orderOfUser())!.status !== "pending", 60_000 - (Date.now() - restartedAt), "the sweep to settle the order");

    // The restarted process's provider never recorded the charge: cancelled, not paid.
    expect((await orderOfUser())!.status).toBe("cancelled");
    expect(await stockOf(database.db, product.id)).toBe(5);
    const events = await database.db
      .select({ status: orderEvents.status, actor: orderEvents.actor })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id));
    expect(events.map((e) => `${e.status}:${e.actor}`).sort()).toEqual(["cancelled:system", `pending:${user.id}`].sort());

    // Exactly one mail, and it tells the final state: cancelled, nothing charged.
    await waitFor(() => smtp.to(user.email).length > 0, 30_000, "the cancellation mail");
    await new Promise((r) => setTimeout(r, 1_000)); // a second mail would arrive now
    const mails = smtp.to(user.email);
    expect(mails.map((m) => m.subject)).toEqual([`Order ${formatOrderNumber(order.number)} cancelled`]);
    expect(mails[0]!.text).toContain("You were not charged for this order.");

    second.child.kill("SIGTERM");
    await second.exited;
    expect(await stockOf(database.db, product.id)).toBe(5);
  }, 120_000);
});
