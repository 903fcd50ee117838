import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { Logger } from "../../lib/logger";
import { redisGuard, redisKey, type Redis } from "../../lib/redis";

/** A ticket opens one WebSocket within this time of being issued. */
export const WS_TICKET_TTL_MS = 30_000;
const MAX_TICKET_LENGTH = 512;
const SIGNATURE_BYTES = 32;

interface TicketClaims {
  sub: string;
  /** Expiry, epoch ms. */
  exp: number;
  jti: string;
}

export interface WsTicket {
  ticket: string;
  expiresAt: string;
}

export interface WsTicketsOptions {
  /** HMAC key (derived from SESSION_SECRET, so every replica accepts every other replica's tickets). */
  key: Buffer;
  redis?: Redis;
  redisPrefix: string;
  logger: Logger;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Short-lived single-use tickets for opening /ws (ADR 048): bearer tokens never travel in a URL, where proxies log
 * them. A ticket is "<base64url(claims)>.<base64url(HMAC-SHA256)>" so any replica can verify it without a shared
 * store; single use is enforced by claiming its `jti` with SET NX in Redis (shared by the cluster), and always in
 * this process's memory too, so without Redis (or while its breaker is open) a ticket still opens at most one
 * socket per replica within its 30 s.
 */
export function createWsTickets(options: WsTicketsOptions) {
  const ttlMs = options.ttlMs ?? WS_TICKET_TTL_MS;
  const now = options.now ?? Date.now;
  const used = new Map<string, number>(); // jti → expiry (epoch ms)
  const sign = (payload: string) => createHmac("sha256", options.key).update(payload).digest();

  /** Forgets claims whose tickets have expired anyway (they can no longer verify). */
  const sweep = (at: number) => {
    for (const [jti, exp] of used) if (exp <= at) used.delete(jti);
  };

  /** True when this is the first use of `jti` (in this process and, when Redis answers, in the cluster). */
  async function claim(claims: TicketClaims, at: number): Promise<boolean> {
    sweep(at);
    if (used.has(claims.jti)) return false;
    used.set(claims.jti, claims.exp);
    if (!options.redis) return true;
    try {
      const key = redisKey(options.redisPrefix, `ws-ticket:${claims.jti}`);
      const ttl = Math.max(1, claims.exp - at);
      const set = await redisGuard(options.redis).run("ws ticket claim", (client) => client.set(key, "1", "PX", ttl, "NX"));
      return set === "OK";
    } catch (err) {
      // Redis down: the memory claim above still stops reuse on this replica (the ADR's accepted gap).
      options.logger.debug({ err: (err as Error).message }, "ws ticket claimed in memory only");
      return true;
    }
  }

  return {
    ttlMs,

    issue(userId: string): WsTicket {
      const claims: TicketClaims = { sub: userId, exp: now() + ttlMs, jti: randomUUID() };
      const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
      return { ticket: `${payload}.${sign(payload).toString("base64url")}`, expiresAt: new Date(claims.exp).toISOString() };
    },

    /** The user id of a valid, unexpired, unused ticket (and marks it used); undefined otherwise. */
    async redeem(ticket: string): Promise<string | undefined> {
      if (ticket.length > MAX_TICKET_LENGTH) return undefined;
      const parts = ticket.split(".");
      if (parts.length !== 2) return undefined;
      const [payload, signature] = parts as [string, string];
      const given = Buffer.from(signature, "base64url");
      if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, sign(payload))) return undefined;
      let claims: Partial<TicketClaims>;
      try {
        claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<TicketClaims>;
      } catch {
        return undefined;
      }
      const at = now();
      if (typeof claims.sub !== "string" || typeof claims.jti !== "string" || typeof claims.exp !== "number" || claims.exp <= at) return undefined;
      return (await claim(claims as TicketClaims, at)) ? claims.sub : undefined;
    },
  };
}
export type WsTickets = ReturnType<typeof createWsTickets>;
