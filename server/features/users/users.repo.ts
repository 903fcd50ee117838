import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { users, type Role } from "@shared/schema";
import { executeNamed, literalLimit } from "../../db/prepared";
import { executorOf, runInTransaction, type Db, type TxScope } from "../../db";
import { containsPattern } from "../../lib/like";
import { cursorTimestamp, type CreatedAtCursor } from "../../lib/timestamp-cursor";

/** A user as the rest of the server sees it: the password hash is never part of it. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Null until the owner follows a verification link (issue 11). */
  emailVerifiedAt: Date | null;
  /** Optimistic-concurrency version (name, e-mail, role changes; ADR 056). */
  version: number;
  createdAt: Date;
  /** Access tokens issued before this are dead (issue 11 §8); null = none revoked yet. */
  tokensValidAfter: Date | null;
  /** When TOTP sign-in was switched on; null = off. */
  mfaEnabledAt: Date | null;
}

/** The columns a UserRecord carries (users.self.repo.ts selects the same). */
export const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  emailVerifiedAt: users.emailVerifiedAt,
  version: users.version,
  createdAt: users.createdAt,
  tokensValidAfter: users.tokensValidAfter,
  mfaEnabledAt: users.mfaEnabledAt,
};

export interface UserListParams {
  role?: Role;
  q?: string;
  after?: CreatedAtCursor;
  limit: number;
}

export function createUsersRepo(db: Db) {
  return {
    transaction: <T>(fn: (tx: TxScope) => Promise<T>) => runInTransaction(db, fn),

    async findById(id: string, tx?: TxScope): Promise<UserRecord | undefined> {
      // Every session and bearer request looks its user up: a named statement (ADR 059).
      const [row] = await executeNamed(executorOf(db, tx).select(publicColumns).from(users).where(eq(users.id, id)).limit(literalLimit(1)));
      return row;
    },

    /** The only read of a password hash: for verifying a sign-in. */
    async findCredentialsByEmail(email: string): Promise<{ user: UserRecord; passwordHash: string } | undefined> {
      const [row] = await db
        .select({ ...publicColumns, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.email, email))
        .limit(1);
      if (!row) return undefined;
      const { passwordHash, ...user } = row;
      return { user, passwordHash };
    },

    /** Inserts a user; undefined when the email is taken (the unique index decides, so races are safe). */
    async insert(values: { email: string; name: string; passwordHash: string; role?: Role }, tx?: TxScope): Promise<UserRecord | undefined> {
      const [row] = await executorOf(db, tx).insert(users).values(values).onConflictDoNothing({ target: users.email }).returning(publicColumns);
      return row;
    },

    /** Newest first, keyset paging on (created_at, id); fetches limit + 1 rows. */
    async list(params: UserListParams) {
      const conditions: SQL[] = [];
      if (params.role) conditions.push(eq(users.role, params.role));
      if (params.q) {
        const pattern = containsPattern(params.q);
        conditions.push(or(ilike(users.email, pattern), ilike(users.name, pattern))!);
      }
      if (params.after) {
        conditions.push(sql`(${users.createdAt}, ${users.id}) < (${params.after.createdAt}::timestamptz, ${params.after.id}::uuid)`);
      }
      return db
        .select({ user: publicColumns, createdAtText: cursorTimestamp(users.createdAt) })
        .from(users)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(users.createdAt), desc(users.id))
        .limit(params.limit + 1);
    },

    /**
     * Locks every admin row (in id order, so concurrent callers cannot deadlock) and returns their ids.
     * Whoever holds these locks may safely decide whether an admin is the last one.
     */
    async lockAdmins(tx: TxScope): Promise<string[]> {
      const rows = await executorOf(db, tx).select({ id: users.id }).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)).for("update");
      return rows.map((r) => r.id);
    },

    async lockById(id: string, tx: TxScope): Promise<UserRecord | undefined> {
      const [row] = await executorOf(db, tx).select(publicColumns).from(users).where(eq(users.id, id)).for("update");
      return row;
    },

    async update(id: string, patch: { name?: string; role?: Role }, tx: TxScope): Promise<UserRecord | undefined> {
      const [row] = await executorOf(db, tx)
        .update(users)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(users.id, id))
        .returning(publicColumns);
      return row;
    },

    /** Accounts created at or after `since` (the dashboard's registrations today). */
    async countCreatedSince(since: Date): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(sql`${users.createdAt} >= ${since.toISOString()}::timestamptz`);
      return row?.n ?? 0;
    },

    async delete(id: string, tx: TxScope): Promise<boolean> {
      const rows = await executorOf(db, tx).delete(users).where(eq(users.id, id)).returning({ id: users.id });
      return rows.length > 0;
    },
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
