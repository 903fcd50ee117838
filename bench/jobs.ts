// npm run bench:jobs — what durable work costs, on PostgreSQL, in one run:
//
// 1. E-mail throughput: BENCH_MAILS (500) mail.send jobs (the order confirmation template, rendered to HTML and
//    text) are enqueued in one transaction, then drained by 1 and then 2 worker processes (`npm run worker`'s
//    entry, JOBS_CONCURRENCY 10, JOBS_POLL_MS 20) over real SMTP into a sink (smtp-server + mailparser in this
//    process). Timed from the commit until the sink has received every mail: jobs/s.
// 2. Checkout with and without the outbox: the orders service (the real one, HTTP aside) places orders with
//    BENCH_BUYERS (16) concurrent buyers for BENCH_DURATION (5) s per round, alternating rounds with
//    the orders service built without its notify hook (the checkout before this issue) and with it (each status change also writes its
//    order.notify job — the mail + webhook follow-up — in its transaction), BENCH_ROUNDS (3) rounds each.
//    Workers are off meanwhile, so the figures compare the checkout path alone. Prints orders/s per mode and the
//    difference (target: less than 10 % slower).
// Prints the load average beside each figure: on a shared machine that says as much as the figure.
//
// Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/fp_jobs_bench; dropped and
// recreated), BENCH_MAILS, BENCH_BUYERS, BENCH_DURATION, BENCH_ROUNDS.
import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { TEST_CARD_SUCCESS, type OrderCreate } from "@shared/contracts/orders";
import { jobs as jobsTable } from "@shared/schema";
import { installFieldCipher } from "@shared/sealed-columns";
import { openDatabase, runInTransaction, type Database } from "../server/db";
import { createDataCipher } from "../server/lib/data-cipher";
import { createAuditRepo } from "../server/features/audit/audit.repo";
import { createAuditService } from "../server/features/audit/audit.service";
import { createCatalogStock } from "../server/features/catalog/catalog.stock";
import { createJobsRepo } from "../server/features/jobs/jobs.repo";
import { createJobsService, type JobsService } from "../server/features/jobs/jobs.service";
import { MAIL_SEND, type MailSendPayload } from "../server/features/mail/mail.service";
import { mailTemplates } from "../server/features/mail/templates";
import { enqueueOrderNotify } from "../server/features/notifications/order-notify";
import { createOrdersRepo } from "../server/features/orders/orders.repo";
import { createOrdersService } from "../server/features/orders/orders.service";
import { createPaymentsService } from "../server/features/payments/payments.service";
import { createTestCardProvider } from "../server/features/payments/test-card-provider";
import { createEventBus } from "../server/lib/events";
import { createLogger } from "../server/lib/logger";
import { makeBrand, makeProducts, makeUsers } from "../server/test/factories";
import { startChildWorker } from "../server/test/child-server";
import { startSmtpSink } from "../server/test/smtp-sink";
import { recreateDatabase } from "./lib/bench-database";
import { intFromEnv, round, sleep } from "./lib/config";
import { fmtLoad } from "./lib/load-average";

const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fp_jobs_bench";
const MAILS = intFromEnv("BENCH_MAILS", 500);
const BUYERS = intFromEnv("BENCH_BUYERS", 16);
const DURATION_S = intFromEnv("BENCH_DURATION", 5);
const ROUNDS = intFromEnv("BENCH_ROUNDS", 3);
const logger = createLogger("warn");
const events = createEventBus(logger);
const WORKER = { concurrency: 10, pollMs: 20, leaseSeconds: 30 };
const load = fmtLoad;

const newQueue = (database: Database) => createJobsService({ repo: createJobsRepo(database.db), logger, worker: WORKER, completedRetentionDays: 14 });

// ---------------------------------------------------------------- 1. e-mail jobs into an SMTP sink

async function drainMails(database: Database, workerCount: number): Promise<{ jobsPerSecond: number; load: string }> {
  const sink = await startSmtpSink();
  await database.db.execute(sql`delete from jobs where kind = ${MAIL_SEND}`);
  await database.db.execute(sql`delete from mail_outbox`);
  const workers = await Promise.all(
    Array.from({ length: workerCount }, () =>
      startChildWorker("server/worker.ts", {
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: "5",
        SMTP_URL: sink.url,
        JOBS_CONCURRENCY: String(WORKER.concurrency),
        JOBS_POLL_MS: String(WORKER.pollMs),
      }),
    ),
  );
  const producer = newQueue(database);
  const demo = mailTemplates["order-confirmation"].demo;
  await runInTransaction(database.db, async (tx) => {
    for (let n = 0; n < MAILS; n++) {
      const payload: MailSendPayload = {
        template: "order-confirmation",
        to: { email: `buyer-${n}@example.test` },
        props: demo,
        dedupeKey: `bench:${randomUUID()}`,
      };
      await producer.enqueue(MAIL_SEND, payload, { tx });
    }
  });
  const started = performance.now();
  while (sink.messages.length < MAILS) await sleep(20);
  const seconds = (performance.now() - started) / 1000;
  const figures = { jobsPerSecond: round(MAILS / seconds), load: load() };
  for (const worker of workers) worker.child.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
  await sink.close();
  return figures;
}

// ---------------------------------------------------------------- 2. checkout with and without the outbox

async function checkoutRound(database: Database, notifying: boolean, buyers: Array<{ id: string; email: string }>, productIds: string[], queue: JobsService) {
  const orders = createOrdersService({
    repo: createOrdersRepo(database.db),
    db: database.db,
    stock: createCatalogStock(database.db),
    audit: createAuditService(createAuditRepo(database.db)),
    payments: createPaymentsService({ provider: createTestCardProvider(), logger }),
    events, // in-process bus, no listeners: live fan-out is not what this measures
    logger,
    pricing: { taxRateBps: 800, shippingFlatCents: 599, freeShippingThresholdCents: 5_000 },
    fingerprintKey: Buffer.alloc(32, 1),
    guestAccessKey: Buffer.alloc(32, 2),
    notify: notifying ? (change, tx) => enqueueOrderNotify(queue, change, tx) : undefined,
  });
  const body = (i: number): OrderCreate => ({
    items: [{ productId: productIds[i % productIds.length]!, quantity: 1 + (i % 3) }],
    shippingAddress: { name: "Bench Buyer", line1: "1 Bench Road", city: "Springfield", postalCode: "12345", country: "US" },
    payment: { method: "test_card", cardNumber: TEST_CARD_SUCCESS, expiry: "12/49", cvc: "123" },
  });
  const deadline = performance.now() + DURATION_S * 1000;
  let placed = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  await Promise.all(
    buyers.map(async (buyer, b) => {
      for (let i = b; performance.now() < deadline; i += buyers.length) {
        try {
          await orders.create({ id: buyer.id, email: buyer.email, role: "customer" }, body(i), undefined, {});
          placed++;
        } catch (err) {
          failed++;
          firstFailure ??= err instanceof Error ? err.message : String(err);
        }
      }
    }),
  );
  if (failed) console.warn(`  ${failed} checkouts failed in this round (first: ${firstFailure})`);
  return placed / DURATION_S;
}

// ---------------------------------------------------------------- run

// Orders seal their shipping address (ADR 058); the services would install the cipher, this bench builds orders alone.
installFieldCipher(createDataCipher([{ id: "bench", key: randomBytes(32) }]));
await recreateDatabase(url);
const database = await openDatabase({ url, poolSize: 10 });
await database.migrate();
try {
  console.log(`E-mail jobs: ${MAILS} order confirmations over SMTP into a sink`);
  for (const workers of [1, 2]) {
    const result = await drainMails(database, workers);
    console.log(`  ${workers} worker(s): ${result.jobsPerSecond} mails/s (load average ${result.load})`);
  }

  const brand = await makeBrand(database.db);
  const products = await makeProducts(
    database.db,
    brand.id,
    Array.from({ length: 50 }, () => ({ stock: 10_000_000, priceCents: 1_999 })),
  );
  const buyers = await makeUsers(database.db, BUYERS);
  const queue = newQueue(database); // enqueues only; no worker runs during the checkout rounds
  console.log(`Checkout: ${BUYERS} concurrent buyers, ${DURATION_S} s rounds, alternating, ${ROUNDS} of each`);
  const rates = { off: [] as number[], on: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const mode of ["off", "on"] as const) {
      const rate = await checkoutRound(
        database,
        mode === "on",
        buyers,
        products.map((p) => p.id),
        queue,
      );
      rates[mode].push(rate);
      console.log(
        `  round ${r + 1}, order.notify ${mode === "on" ? "enqueued in the transaction" : "off (before this issue)"}: ${round(rate)} orders/s (load average ${load()})`,
      );
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [off, on] = [mean(rates.off), mean(rates.on)];
  const slower = ((off - on) / off) * 100;
  const notifyJobs = (
    await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobsTable)
      .where(eq(jobsTable.kind, "order.notify"))
  )[0]!.n;
  console.log(
    `  mean: ${round(off)} orders/s without, ${round(on)} orders/s with the outbox: ${round(slower)} % slower (target < 10 %: ${slower < 10 ? "PASS" : "MISS"}; load average ${load()})`,
  );
  console.log(`  order.notify jobs written: ${notifyJobs} (one per order: written when it leaves pending)`);
} finally {
  await database.close();
}
