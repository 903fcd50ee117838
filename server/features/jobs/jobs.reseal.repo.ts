import { and, eq, sql } from "drizzle-orm";
import { jobs } from "@shared/schema";
import { openJsonValue, sealJsonValue } from "@shared/sealed-columns";
import { executorOf, runInTransaction, type Db } from "../../db";
import { prefixPattern } from "../../lib/like";

/** A payload field a job kind keeps sealed (the props of mail.send, ADR 074), and the context it is sealed under. */
export interface SealedPayloadField {
  kind: string;
  field: string;
  context: string;
}

/**
 * Re-encryption of one sealed field of one job kind's payloads (issue 16 §5, ADR 074). Jobs stay in the table after
 * they run (until JOBS_RETENTION_DAYS) and a retried or dead-lettered one is read again, so the field is resealed like
 * a column: older keys are rotated and payloads queued before the field was sealed (a plain JSON value) get sealed.
 * Only the payload is written; a worker running the job meanwhile updates other columns.
 */
export function createJobPayloadResealRepo(db: Db, target: SealedPayloadField) {
  return async function resealJobPayloads(currentPrefix: string, limit: number): Promise<number> {
    return runInTransaction(db, async (tx) => {
      const rows = await executorOf(db, tx)
        .select({ id: jobs.id, payload: jobs.payload })
        .from(jobs)
        // ->> gives a sealed string as it is and a plain value as JSON text; a missing or null field is NULL: left alone.
        .where(and(eq(jobs.kind, target.kind), sql`(${jobs.payload} ->> ${target.field}::text) not like ${prefixPattern(currentPrefix)}`))
        .limit(limit)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        const value = openJsonValue(row.payload[target.field], target.context);
        const payload = { ...row.payload, [target.field]: sealJsonValue(value, target.context) };
        await executorOf(db, tx).update(jobs).set({ payload }).where(eq(jobs.id, row.id));
      }
      return rows.length;
    });
  };
}
