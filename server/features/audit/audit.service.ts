import type { SQL } from "drizzle-orm";
import type { AuditEntry, AuditListFilters } from "@shared/contracts/audit";
import type { ListOf } from "@shared/contracts/common";
import type { TxScope } from "../../db";
import type { ActingUser } from "../../lib/acting-user";
import { AppError } from "../../lib/app-error";
import { toPage } from "../../lib/pagination";
import { decodeCreatedAtCursor } from "../../lib/timestamp-cursor";
import { looksLikeUuid } from "../../lib/uuid";
import type { AuditRepo, AuditRowWithCursor } from "./audit.repo";

/** Who acted. Anonymous actions (a failed sign-in) have no id but may carry the email that was tried. */
export interface AuditActor {
  id: string | null;
  email: string | null;
  role?: string;
}

/** Plain request facts a route hands to services, so services stay HTTP-free. */
export interface RequestMeta {
  ip?: string;
  requestId?: string;
}

export interface AuditRecord {
  actor: AuditActor | null;
  action: string;
  target?: { type: string; id: string } | null;
  /** Small before/after facts; never secrets. */
  summary?: Record<string, unknown>;
}

const SORT = "audit:newest";

function toEntry({ row, createdAtText }: AuditRowWithCursor): AuditEntry {
  return {
    id: row.id,
    actor: row.actorId || row.actorEmail ? { id: row.actorId, email: row.actorEmail } : null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    requestId: row.requestId,
    summary: row.summary,
    createdAt: createdAtText,
  };
}

export function createAuditService(repo: AuditRepo) {
  return {
    /**
     * Writes one audit row. Called directly by services (not through events) so the row is durable with the change:
     * pass the transaction (any feature's `TxScope`) to write it in the same transaction.
     */
    async record(entry: AuditRecord, meta: RequestMeta = {}, tx?: TxScope): Promise<void> {
      await repo.insert(
        {
          actorId: entry.actor?.id ?? null,
          actorEmail: entry.actor?.email ?? null,
          action: entry.action,
          targetType: entry.target?.type ?? null,
          targetId: entry.target?.id ?? null,
          ip: meta.ip ?? null,
          requestId: meta.requestId ?? null,
          summary: entry.summary ?? {},
        },
        tx,
      );
    },

    /**
     * The audit row of `record` as SQL for a caller's single statement (checkout, ADR 075): written once per row of
     * `from`, whose columns give the target id and summary (so values the statement creates, like an order number, fit in).
     */
    recordSql(
      entry: Omit<AuditRecord, "target" | "summary"> & { targetType: string },
      meta: RequestMeta,
      computed: { targetId: SQL; summary: SQL; from: SQL },
    ): SQL {
      return repo.insertFromSql(
        {
          actorId: entry.actor?.id ?? null,
          actorEmail: entry.actor?.email ?? null,
          action: entry.action,
          targetType: entry.targetType,
          ip: meta.ip ?? null,
          requestId: meta.requestId ?? null,
        },
        computed.targetId,
        computed.summary,
        computed.from,
      );
    },

    async list(viewer: Pick<ActingUser, "role"> | undefined, filters: AuditListFilters): Promise<ListOf<AuditEntry>> {
      if (viewer?.role !== "admin") throw new AppError("forbidden", "Only admins can read the audit log.");
      const after = decodeCreatedAtCursor(filters.cursor, SORT);
      const actor = filters.actor;
      const rows = await repo.list({
        actorId: actor && looksLikeUuid(actor) ? actor : undefined,
        actorEmail: actor && !looksLikeUuid(actor) ? actor.toLowerCase() : undefined,
        action: filters.action,
        after,
        limit: filters.limit,
      });
      return toPage(rows, filters.limit, SORT, (r) => [r.createdAtText, r.row.id], toEntry);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
