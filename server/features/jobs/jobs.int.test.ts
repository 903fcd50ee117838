import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { jobs, sectors } from "@shared/schema";
import { executorOf, runInTransaction } from "../../db";
import { createTestApp, type TestApp } from "../../test/harness";
import { uniqueSuffix } from "../../test/factories";
import { createJobsRepo } from "./jobs.repo";
import { waitFor } from "../../test/wait-for";

/** The queue on the worker's real database (PGlite by default, PostgreSQL with DATABASE_URL), in process. */
let t: TestApp;
const kind = (name: string) => `test.${name}.${uniqueSuffix()}`;

beforeAll(async () => {
  t = await createTestApp();
  t.services.jobs.start({ pollMs: 20, leaseSeconds: 2, concurrency: 5 });
});

const rowsOf = (jobKind: string) => t.db.select().from(jobs).where(eq(jobs.kind, jobKind));

describe("enqueue inside a business transaction (outbox)", () => {
  it("when the transaction rolls back, then neither the business row nor the job exists and nothing runs", async () => {
    const jobKind = kind("rollback");
    const runs: unknown[] = [];
    t.services.jobs.register(jobKind, async (payload) => void runs.push(payload));
    const slug = `sector-${uniqueSuffix()}`;
    await expect(
      runInTransaction(t.db, async (tx) => {
        await executorOf(t.db, tx).insert(sectors).values({ name: slug, slug, description: "rolled back", emoji: "🧪" });
        await t.services.jobs.enqueue(jobKind, { slug }, { tx });
        throw new Error("payment declined");
      }),
    ).rejects.toThrow("payment declined");

    await new Promise((r) => setTimeout(r, 300)); // many polls
    expect(runs).toEqual([]);
    expect(await rowsOf(jobKind)).toEqual([]);
    expect(await t.db.select().from(sectors).where(eq(sectors.slug, slug))).toEqual([]);
  });

  it("when the transaction commits, then the job runs exactly once with its payload", async () => {
    const jobKind = kind("commit");
    const runs: Array<{ payload: unknown; attempt: number }> = [];
    t.services.jobs.register(jobKind, async (payload, job) => void runs.push({ payload, attempt: job.attempt }));
    await runInTransaction(t.db, async (tx) => {
      await t.services.jobs.enqueue(jobKind, { orderId: "o-1" }, { tx });
    });

    await waitFor(async () => (await rowsOf(jobKind))[0]?.state === "completed");
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toEqual([{ payload: { orderId: "o-1" }, attempt: 1 }]);
  });
});

describe("priority (ADR 085)", () => {
  it("when normal jobs wait and an urgent one is enqueued after them, then a claim takes the urgent one first, then the oldest", async () => {
    // A second app with no worker running, so nothing claims these jobs but the claims below.
    const quiet = await createTestApp();
    const [normal, urgent] = [kind("normal"), kind("urgent")];
    quiet.services.jobs.register(normal, async () => undefined);
    quiet.services.jobs.register(urgent, async () => undefined, { priority: "urgent" });
    for (const n of [1, 2, 3]) await quiet.services.jobs.enqueue(normal, { n });
    await quiet.services.jobs.enqueue(urgent, { n: 4 });
    expect((await rowsOf(urgent)).map((r) => r.priority)).toEqual([10]);

    const repo = createJobsRepo(quiet.db);
    const claimOne = async () => (await repo.claim([normal, urgent], 1, "priority-test", 30)).map((j) => j.payload);
    expect(await claimOne()).toEqual([{ n: 4 }]);
    expect(await claimOne()).toEqual([{ n: 1 }]);
    // The queue's age is the oldest due job's, whatever its priority (no run takes 15 minutes: this row is the oldest).
    await quiet.services.jobs.enqueue(urgent, { n: 5 });
    await quiet.db
      .update(jobs)
      .set({ runAt: sql`now() - interval '900 seconds'` })
      .where(eq(jobs.kind, urgent));
    expect(await repo.oldestWaitingSeconds()).toBeGreaterThanOrEqual(899);
  });
});

describe("dedupe keys", () => {
  it("when the same key is enqueued concurrently and again after completion, then the job runs once", async () => {
    const jobKind = kind("dedupe");
    let runs = 0;
    t.services.jobs.register(jobKind, async () => void runs++);
    const key = `receipt:${randomUUID()}`;
    await Promise.all(Array.from({ length: 5 }, (_, i) => t.services.jobs.enqueue(jobKind, { i }, { dedupeKey: key })));
    await waitFor(async () => (await rowsOf(jobKind))[0]?.state === "completed");
    await t.services.jobs.enqueue(jobKind, { again: true }, { dedupeKey: key });
    await new Promise((r) => setTimeout(r, 300));

    expect(runs).toBe(1);
    expect(await rowsOf(jobKind)).toHaveLength(1);
  });

  it("when two kinds use the same key, then each runs (keys are per kind)", async () => {
    const [a, b] = [kind("dedupe-a"), kind("dedupe-b")];
    const ran: string[] = [];
    t.services.jobs.register(a, async () => void ran.push("a"));
    t.services.jobs.register(b, async () => void ran.push("b"));
    await t.services.jobs.enqueue(a, {}, { dedupeKey: "same" });
    await t.services.jobs.enqueue(b, {}, { dedupeKey: "same" });
    await waitFor(async () => ran.length === 2);
    expect(ran.sort()).toEqual(["a", "b"]);
  });
});

describe("delays, retries and dead letters", () => {
  it("when a job is delayed, then it does not run before its time", async () => {
    const jobKind = kind("delay");
    let ranAt = 0;
    t.services.jobs.register(jobKind, async () => void (ranAt = Date.now()));
    const enqueuedAt = Date.now();
    await t.services.jobs.enqueue(jobKind, {}, { delaySeconds: 1 });
    await waitFor(async () => ranAt > 0);
    expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(950);
  });

  it("when a handler keeps failing, then it is retried with growing delays and dead-lettered after the limit", async () => {
    const jobKind = kind("failing");
    const triedAt: number[] = [];
    const base = 0.2;
    t.services.jobs.register(
      jobKind,
      async () => {
        triedAt.push(Date.now());
        throw new Error(`smtp refused try ${triedAt.length}`);
      },
      { retryLimit: 3, retryDelaySeconds: base },
    );
    await t.services.jobs.enqueue(jobKind, {});
    await waitFor(async () => (await rowsOf(jobKind))[0]?.state === "dead", 15_000);

    expect(triedAt).toHaveLength(4); // the first try and three retries
    const gaps = triedAt.slice(1).map((at, i) => (at - triedAt[i]!) / 1000);
    // Retry n waits between half and all of base·2^(n-1) (+ polling and a busy machine's slack).
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual((base * 2 ** i) / 2);
      expect(gap).toBeLessThan(base * 2 ** i + 0.5);
    });
    expect(gaps[2]).toBeGreaterThan(gaps[0]!);
    const [row] = await rowsOf(jobKind);
    expect(row).toMatchObject({ state: "dead", attempts: 4, lastError: "smtp refused try 4", lockedBy: null });

    const figures = await t.services.jobs.figures();
    expect(figures.depth).toContainEqual({ kind: jobKind, state: "dead", count: 1 });
    expect(figures.processed[jobKind]).toEqual({ completed: 0, failed: 4, deadLettered: 1 });
    const metrics = await request(t.app).get("/metrics").expect(200);
    expect(metrics.text).toContain(`fp_jobs_queue_depth{kind="${jobKind}",state="dead"} 1`);
    expect(metrics.text).toContain(`fp_jobs_failed_total{kind="${jobKind}"} 4`);
    expect(metrics.text).toMatch(/^fp_jobs_oldest_waiting_seconds \d/m);
  });

  it("when a handler runs past its timeout, then the try fails, its signal is aborted and the job is retried", async () => {
    const jobKind = kind("timeout");
    let aborted = false;
    const attempts: number[] = [];
    t.services.jobs.register(
      jobKind,
      async (_payload, job) => {
        attempts.push(job.attempt);
        if (job.attempt === 1) {
          await new Promise<void>((resolve) => job.signal.addEventListener("abort", () => resolve()));
          aborted = true;
        }
      },
      { timeoutSeconds: 0.3, retryDelaySeconds: 0.05 },
    );
    await t.services.jobs.enqueue(jobKind, {});
    await waitFor(async () => (await rowsOf(jobKind))[0]?.state === "completed");
    expect(aborted).toBe(true);
    expect(attempts).toEqual([1, 2]);
    expect((await rowsOf(jobKind))[0]?.lastError).toBeNull();
  });
});
