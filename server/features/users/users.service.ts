import type { User } from "@shared/contracts/auth";
import type { ListOf } from "@shared/contracts/common";
import type { UserListFilters, UserUpdate } from "@shared/contracts/users";
import type { TxScope } from "../../db";
import type { ActingUser } from "../../lib/acting-user";
import { AppError, notFound } from "../../lib/app-error";
import type { EventBus } from "../../lib/events";
import { toPage } from "../../lib/pagination";
import { assertVersion, type IfMatch } from "../../lib/versioning";
import { decodeCreatedAtCursor } from "../../lib/timestamp-cursor";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import { databaseErrorOf } from "../../db/errors";
import type { UserRecord, UsersRepo } from "./users.repo";

export type { UserRecord } from "./users.repo";

/** Who is asking (nobody when undefined): routes pass the signed-in user; services re-check permissions themselves. */
type Viewer = ActingUser | undefined;

const LIST_SORT = "users:newest";
/** restrict_violation (ON DELETE RESTRICT, what orders use) and foreign_key_violation (NO ACTION). */
const STILL_REFERENCED = new Set(["23001", "23503"]);

/** The public JSON shape (`User` in shared/contracts/auth.ts), mapped field by field so nothing else can leak. */
export function toUserJson(user: UserRecord): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
  };
}

function assertAdmin(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  if (viewer.role !== "admin") throw new AppError("forbidden", "Only admins can manage users.");
}

const lastAdmin = (what: string) => new AppError("conflict", `This is the last admin account; it cannot be ${what}. Promote another user to admin first.`);

const actorOf = (viewer: NonNullable<Viewer>) => ({ id: viewer.id, email: viewer.email });

export interface UsersHooks {
  /** Runs inside the registration's transaction (the verification mail's outbox write): it fails, nobody is registered. */
  afterRegister?: (user: UserRecord, tx: TxScope) => Promise<void>;
}

export function createUsersService(repo: UsersRepo, audit: AuditService, events: EventBus, hooks: UsersHooks = {}) {
  return {
    // ---- Used by the auth feature (no HTTP surface of their own) ----
    findById: (id: string) => repo.findById(id),
    findCredentialsByEmail: (email: string) => repo.findCredentialsByEmail(email),
    /** For the dashboard's registrations today (metrics feature). */
    countRegisteredSince: (since: Date) => repo.countCreatedSince(since),

    /** Creates a customer account; the audit row is written in the same transaction. */
    async registerCustomer(input: { email: string; name: string; passwordHash: string }, meta: RequestMeta): Promise<UserRecord> {
      const registered = await repo.transaction(async (tx) => {
        const user = await repo.insert({ ...input, role: "customer" }, tx);
        if (!user) throw new AppError("email_taken", "An account with this email already exists.", [{ path: "email", message: "Already registered" }]);
        await audit.record({ actor: actorOf(user), action: "auth.register", target: { type: "user", id: user.id }, summary: { role: user.role } }, meta, tx);
        await hooks.afterRegister?.(user, tx);
        return user;
      });
      // After the commit; the dashboard counts registrations from this. A lost event costs a counter tick, never the account.
      await events.publish("user.registered", { userId: registered.id }).catch(() => undefined);
      return registered;
    },

    // ---- Admin API ----
    async list(viewer: Viewer, filters: UserListFilters): Promise<ListOf<User>> {
      assertAdmin(viewer);
      const rows = await repo.list({ role: filters.role, q: filters.q, after: decodeCreatedAtCursor(filters.cursor, LIST_SORT), limit: filters.limit });
      return toPage(
        rows,
        filters.limit,
        LIST_SORT,
        (r) => [r.createdAtText, r.user.id],
        (r) => toUserJson(r.user),
      );
    },

    async get(viewer: Viewer, id: string): Promise<User> {
      assertAdmin(viewer);
      const user = await repo.findById(id);
      if (!user) throw notFound("User");
      return toUserJson(user);
    },

    /** Name and role changes; demoting the last admin is refused (decided under row locks, so races cannot bypass it). */
    async update(viewer: Viewer, id: string, patch: UserUpdate, meta: RequestMeta, ifMatch?: IfMatch): Promise<User> {
      assertAdmin(viewer);
      const updated = await repo.transaction(async (tx) => {
        // Lock admins first (id order), then the target: every writer takes locks in the same order.
        const adminIds = patch.role !== undefined ? await repo.lockAdmins(tx) : [];
        const before = await repo.lockById(id, tx);
        if (!before) throw notFound("User");
        assertVersion(ifMatch, before.version, "User");
        if (patch.role !== undefined && patch.role !== before.role && before.role === "admin" && adminIds.length <= 1) {
          throw lastAdmin("demoted");
        }
        // Issue 11: the shop is run only from addresses their owners proved they read.
        if (patch.role !== undefined && patch.role !== before.role && patch.role !== "customer" && !before.emailVerifiedAt) {
          throw new AppError("conflict", `${before.email} has not verified its e-mail address yet; staff and admin roles need a verified address.`);
        }
        const changes = {
          ...(patch.name !== undefined && patch.name !== before.name ? { name: patch.name } : {}),
          ...(patch.role !== undefined && patch.role !== before.role ? { role: patch.role } : {}),
        };
        if (Object.keys(changes).length === 0) return before;
        const after = (await repo.update(id, changes, tx))!;
        const target = { type: "user", id };
        if (changes.role) {
          await audit.record(
            {
              actor: actorOf(viewer),
              action: "user.role_changed",
              target,
              summary: { email: after.email, before: { role: before.role }, after: { role: after.role } },
            },
            meta,
            tx,
          );
        }
        if (changes.name) {
          await audit.record(
            {
              actor: actorOf(viewer),
              action: "user.updated",
              target,
              summary: { email: after.email, before: { name: before.name }, after: { name: after.name } },
            },
            meta,
            tx,
          );
        }
        return after;
      });
      // Cached bearer-token users (ADR 076) must not keep the old role.
      await events.publish("user.changed", { userId: id }).catch(() => undefined);
      return toUserJson(updated);
    },

    /**
     * Deletes an account. Accounts with orders are kept (orders reference users ON DELETE RESTRICT for
     * accounting), so that case is a 409 conflict rather than an anonymisation.
     */
    async remove(viewer: Viewer, id: string, meta: RequestMeta, ifMatch?: IfMatch): Promise<void> {
      assertAdmin(viewer);
      try {
        await repo.transaction(async (tx) => {
          const adminIds = await repo.lockAdmins(tx);
          const target = await repo.lockById(id, tx);
          if (!target) throw notFound("User");
          assertVersion(ifMatch, target.version, "User");
          if (target.role === "admin" && adminIds.length <= 1) throw lastAdmin("deleted");
          await repo.delete(id, tx);
          await audit.record(
            { actor: actorOf(viewer), action: "user.deleted", target: { type: "user", id }, summary: { email: target.email, role: target.role } },
            meta,
            tx,
          );
        });
        // A deleted account's bearer tokens stop at once, cached copies included (ADR 076).
        await events.publish("user.changed", { userId: id }).catch(() => undefined);
      } catch (err) {
        if (STILL_REFERENCED.has(databaseErrorOf(err).code ?? "")) {
          throw new AppError("conflict", "This user has orders, which are kept for accounting; the account cannot be deleted.");
        }
        throw err;
      }
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
