import type { TxScope } from "../../db";
import type { EventBus } from "../../lib/events";
import type { AccountSecurity } from "../users/account-security.service";
import type { UserRecord } from "../users/users.service";

/**
 * The user behind a bearer token, kept for a second (ADR 076): a busy API client sends many requests a second,
 * each of which re-read its user by id. Revocation stays immediate: a token cut-off made on this replica drops the
 * entry and is remembered here before the database write (so even a read racing the write's commit cannot bring
 * the old user back); every replica drops its entry on the "user.changed" event (Redis pub/sub), and a role change
 * or deletion publishes the same event. If the bus drops messages, the TTL bounds the staleness to one second.
 */

const TTL_MS = 1_000;
/** A bound on memory: one entry per active API user; past it the oldest entries go first. */
const MAX_ENTRIES = 10_000;

export function createTokenUsers(events: EventBus, now: () => number = Date.now) {
  const entries = new Map<string, { user: UserRecord; until: number }>();
  /** Cut-offs made here, applied until a fresh read must show them (the TTL after their write). */
  const cutOffs = new Map<string, { at: number; until: number }>();
  events.subscribe("user.changed", ({ userId }) => void entries.delete(userId));
  events.onResync(() => entries.clear());

  return {
    /** The cached user, or `load`'s answer (cached when there is one). */
    async get(userId: string, load: () => Promise<UserRecord | undefined>): Promise<UserRecord | undefined> {
      const hit = entries.get(userId);
      if (hit && hit.until > now()) return hit.user;
      const user = await load();
      entries.delete(userId);
      if (user) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        entries.set(userId, { user, until: now() + TTL_MS });
      }
      return user;
    },

    /** Tokens issued before this instant (ms) are dead, whatever a cached or racing read of the user says. */
    cutOff(userId: string): number {
      const cut = cutOffs.get(userId);
      if (!cut) return 0;
      if (cut.until > now()) return cut.at;
      cutOffs.delete(userId);
      return 0;
    },

    /** The user changed (role, deletion, token cut-off at `cutOffAt`): this replica forgets at once, the others on the event. */
    changed(userId: string, cutOffAt?: Date): void {
      entries.delete(userId);
      if (cutOffAt) {
        if (cutOffs.size >= MAX_ENTRIES) for (const [id, cut] of cutOffs) if (cut.until <= now()) cutOffs.delete(id);
        cutOffs.set(userId, { at: Math.max(cutOffAt.getTime(), cutOffs.get(userId)?.at ?? 0), until: now() + 2 * TTL_MS });
      }
      void events.publish("user.changed", { userId }).catch(() => undefined);
    },
  };
}
export type TokenUsers = ReturnType<typeof createTokenUsers>;

/** Account security whose token cut-off also reaches the token-user cache (the one way tokens are revoked). */
export function withTokenUserRevocation(security: AccountSecurity, tokenUsers: TokenUsers): AccountSecurity {
  return {
    ...security,
    revokeAccessTokensBefore: async (userId: string, at: Date, tx?: TxScope) => {
      tokenUsers.changed(userId, at);
      await security.revokeAccessTokensBefore(userId, at, tx);
    },
  };
}
