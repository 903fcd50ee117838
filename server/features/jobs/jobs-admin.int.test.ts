import { eq } from "drizzle-orm";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import type { FailedJob } from "@shared/contracts/jobs";
import { auditLog, jobs } from "@shared/schema";
import { accessTokenFor } from "../../test/agents";
import { createTestApp, type TestApp } from "../../test/harness";
import { makeUser, uniqueSuffix } from "../../test/factories";
import { waitFor } from "../../test/wait-for";

/** Failed (dead-lettered) jobs for admins: GET /api/v1/jobs/failed and POST /api/v1/jobs/:id/retry. */
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = accessTokenFor(t, (await makeUser(t.db, { role: "admin" })).id);
});

async function deadJob(kind: string, lastError = "SMTP said no") {
  const [row] = await t.db
    .insert(jobs)
    .values({ kind, payload: { to: "a@example.test" }, state: "dead", attempts: 6, lastError, finishedAt: new Date() })
    .returning({ id: jobs.id });
  return row!.id;
}

describe("failed jobs for admins", () => {
  it("when an admin lists failed jobs, then dead jobs come newest first with their error, paged by cursor", async () => {
    const kind = `test.failed.${uniqueSuffix()}`;
    const older = await deadJob(kind, "first");
    await new Promise((r) => setTimeout(r, 5));
    const newer = await deadJob(kind, "second");

    const first = await request(t.app).get("/api/v1/jobs/failed?limit=1").set("Authorization", admin).expect(200);
    expect(first.body.data).toEqual([expect.objectContaining({ id: newer, kind, lastError: "second", attempts: 6, payload: { to: "a@example.test" } })]);
    expect(first.body.pagination.hasMore).toBe(true);
    const second = await request(t.app).get(`/api/v1/jobs/failed?limit=1&cursor=${first.body.pagination.nextCursor}`).set("Authorization", admin).expect(200);
    expect((second.body.data as FailedJob[]).map((j) => j.id)).toEqual([older]);
  });

  it("when a customer or staff member asks, then it is 403; without a session 401", async () => {
    for (const role of ["customer", "staff"] as const) {
      const token = accessTokenFor(t, (await makeUser(t.db, { role })).id);
      await request(t.app).get("/api/v1/jobs/failed").set("Authorization", token).expect(403);
      await request(t.app)
        .post(`/api/v1/jobs/${await deadJob("test.forbidden")}/retry`)
        .set("Authorization", token)
        .expect(403);
    }
    await request(t.app).get("/api/v1/jobs/failed").expect(401);
  });

  it("when an admin retries a dead job, then it runs again, leaves the failed list and the retry is audited; a second retry is 404", async () => {
    const kind = `test.retry.${uniqueSuffix()}`;
    const ran: unknown[] = [];
    t.services.jobs.register(kind, async (payload) => void ran.push(payload));
    const id = await deadJob(kind);

    await request(t.app).post(`/api/v1/jobs/${id}/retry`).set("Authorization", admin).expect(204);
    t.services.jobs.start({ pollMs: 20, leaseSeconds: 2 });
    try {
      await waitFor(async () => (await t.db.select().from(jobs).where(eq(jobs.id, id)))[0]?.state === "completed", 10_000, "the retried job to complete");
    } finally {
      await t.services.jobs.stop();
    }
    expect(ran).toEqual([{ to: "a@example.test" }]);
    const listed = await request(t.app).get("/api/v1/jobs/failed?limit=100").set("Authorization", admin).expect(200);
    expect((listed.body.data as FailedJob[]).map((j) => j.id)).not.toContain(id);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.targetId, id))).toEqual([
      expect.objectContaining({ action: "job.retried", summary: { kind } }),
    ]);
    await request(t.app).post(`/api/v1/jobs/${id}/retry`).set("Authorization", admin).expect(404);
  });
});
