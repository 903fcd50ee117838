import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeys, jobs, refreshTokens, sessions, webhookDeliveries, webhookEndpoints } from "@shared/schema";
import { createLogger } from "../../lib/logger";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeUser, uniqueSuffix } from "../../test/factories";
import { waitFor } from "../../test/wait-for";
import { PURGE_EXPIRED_SIGN_INS } from "../auth/auth.jobs";
import { PURGE_EXPIRED_IDEMPOTENCY_KEYS } from "../orders/orders.reconcile";
import { PRUNE_WEBHOOK_DELIVERIES } from "../webhooks/webhooks.service";
import { createJobsRepo } from "./jobs.repo";
import { createJobsService, PURGE_COMPLETED_JOBS } from "./jobs.service";

/** Housekeeping jobs and periodic kinds, on the worker's real database. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ JOBS_RETENTION_DAYS: "7", WEBHOOK_LOG_RETENTION_DAYS: "30" });
});

afterAll(async () => {
  await t.services.jobs.stop();
});

const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
const later = (days: number) => new Date(Date.now() + days * 86_400_000);

async function runHousekeeping(kind: string) {
  const dedupeKey = `test-${uniqueSuffix()}`;
  await t.services.jobs.enqueue(kind, {}, { dedupeKey });
  t.services.jobs.start({ pollMs: 20, leaseSeconds: 2 });
  await waitFor(async () => (await t.db.select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey)))[0]?.state === "completed", 10_000, `${kind} to complete`);
}

describe("housekeeping", () => {
  it("when auth.purge-expired runs, then expired sessions and refresh tokens are gone and live ones stay", async () => {
    const user = await makeUser(t.db);
    const [expiredSid, liveSid] = [`expired-${uniqueSuffix()}`, `live-${uniqueSuffix()}`];
    await t.db.insert(sessions).values([
      { sid: expiredSid, sess: {}, expire: ago(1) },
      { sid: liveSid, sess: {}, expire: later(1) },
    ]);
    const family = randomUUID();
    await t.db.insert(refreshTokens).values([
      { userId: user.id, familyId: family, tokenHash: `expired-${uniqueSuffix()}`, expiresAt: ago(1) },
      { userId: user.id, familyId: family, tokenHash: `live-${uniqueSuffix()}`, expiresAt: later(1) },
    ]);

    await runHousekeeping(PURGE_EXPIRED_SIGN_INS);

    expect(
      (
        await t.db
          .select({ sid: sessions.sid })
          .from(sessions)
          .where(inArray(sessions.sid, [expiredSid, liveSid]))
      ).map((r) => r.sid),
    ).toEqual([liveSid]);
    expect((await t.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id))).map((r) => r.tokenHash)).toEqual([
      expect.stringMatching(/^live-/),
    ]);
  });

  it("when orders.purge-idempotency-keys runs, then expired keys of every user are gone and live ones stay", async () => {
    const [idle, active] = [await makeUser(t.db), await makeUser(t.db)];
    await t.db.insert(idempotencyKeys).values([
      { userId: idle.id, key: "old", fingerprint: "f", expiresAt: ago(1) },
      { userId: active.id, key: "current", fingerprint: "f", expiresAt: later(1) },
    ]);

    await runHousekeeping(PURGE_EXPIRED_IDEMPOTENCY_KEYS);

    const left = await t.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(inArray(idempotencyKeys.userId, [idle.id, active.id]));
    expect(left.map((r) => r.key)).toEqual(["current"]);
  });

  it("when jobs.purge-completed runs, then completed jobs past the retention go; recent ones, dead ones and kinds kept forever stay", async () => {
    const [plain, forever] = [`test.plain.${uniqueSuffix()}`, `test.forever.${uniqueSuffix()}`];
    t.services.jobs.register(forever, async () => {}, { keepCompletedForever: true });
    const row = (kind: string, state: "completed" | "dead", finishedDaysAgo: number) => ({
      kind,
      payload: {},
      state,
      dedupeKey: uniqueSuffix(),
      finishedAt: ago(finishedDaysAgo),
    });
    await t.db.insert(jobs).values([row(plain, "completed", 8), row(plain, "completed", 6), row(plain, "dead", 30), row(forever, "completed", 400)]);

    await runHousekeeping(PURGE_COMPLETED_JOBS);

    const left = await t.db
      .select({ kind: jobs.kind, state: jobs.state, days: sql<number>`round(extract(epoch from now() - ${jobs.finishedAt}) / 86400)::int` })
      .from(jobs)
      .where(inArray(jobs.kind, [plain, forever]));
    expect(left.map((r) => `${r.kind === plain ? "plain" : "forever"}:${r.state}:${r.days}`).sort()).toEqual([
      "forever:completed:400",
      "plain:completed:6",
      "plain:dead:30",
    ]);
  });
});

describe("webhook delivery logs", () => {
  it("when webhooks.prune-deliveries runs, then finished deliveries past WEBHOOK_LOG_RETENTION_DAYS go; recent and still pending ones stay", async () => {
    const [endpoint] = await t.db
      .insert(webhookEndpoints)
      .values({ url: `https://hooks.example.test/${uniqueSuffix()}`, events: ["order.paid"], secret: "whsec_dGVzdA==" })
      .returning();
    const delivery = (status: "succeeded" | "failed" | "pending", daysAgo: number) => ({
      endpointId: endpoint!.id,
      eventType: "order.paid",
      payload: { label: `${status}:${daysAgo}` },
      status,
      createdAt: ago(daysAgo),
    });
    await t.db.insert(webhookDeliveries).values([delivery("succeeded", 31), delivery("failed", 45), delivery("succeeded", 29), delivery("pending", 40)]);

    await runHousekeeping(PRUNE_WEBHOOK_DELIVERIES);

    const left = await t.db.select({ payload: webhookDeliveries.payload }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint!.id));
    expect(left.map((r) => r.payload.label).sort()).toEqual(["pending:40", "succeeded:29"]);
  });

  it("when the worker starts, then the pruning is offered as an hourly periodic job", async () => {
    t.services.jobs.start({ pollMs: 20, leaseSeconds: 2 });
    await waitFor(
      async () => (await t.db.select().from(jobs).where(eq(jobs.kind, PRUNE_WEBHOOK_DELIVERIES))).some((j) => j.dedupeKey?.startsWith("every-3600s:")),
      10_000,
      "the periodic offer",
    );
  });
});

describe("periodic kinds", () => {
  it("when two workers offer a periodic kind, then it runs once per window, never twice for the same window", async () => {
    const kind = `test.every.${uniqueSuffix()}`;
    const runs: string[] = [];
    const workers = [1, 2].map(() =>
      createJobsService({
        repo: createJobsRepo(t.db),
        logger: createLogger("silent"),
        worker: { concurrency: 2, pollMs: 20, leaseSeconds: 2 },
        completedRetentionDays: 7,
      }),
    );
    for (const worker of workers) {
      worker.register(kind, async (_payload, job) => void runs.push(job.id), { everySeconds: 1 });
      worker.start();
    }
    await new Promise((r) => setTimeout(r, 2_600));
    await Promise.all(workers.map((w) => w.stop()));

    const rows = await t.db.select({ id: jobs.id, dedupeKey: jobs.dedupeKey }).from(jobs).where(eq(jobs.kind, kind));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThanOrEqual(4);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(rows.length);
    expect(runs.sort()).toEqual(rows.map((r) => r.id).sort());
  });
});
