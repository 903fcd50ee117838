import type { OrderCreate } from "@shared/contracts/orders";

/**
 * One Idempotency-Key per checkout attempt. "Place order" pressed twice, retried after a network error, or
 * pressed again after a reload sends the SAME key with the same body, so the server creates and charges one
 * order. A changed cart or form is a new attempt (new key: the server would refuse an old key with a new body,
 * 422). After a success or a final failure (a declined card ends its order), the attempt is over.
 * Kept in sessionStorage (this tab only), holding a hash of the body rather than the body: no card number stored.
 */
const STORAGE_KEY = "fp.checkout.attempt.v1";

interface Attempt {
  key: string;
  fingerprint: string;
}

/** FNV-1a, twice with different seeds: only to notice that the body changed, not for security. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

export const fingerprintOf = (body: OrderCreate): string => hash(JSON.stringify(body));

/** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function session(): Storage | undefined {
  try {
    return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

// Mirrors storage, so the attempt holds even where sessionStorage is unavailable.
let current: Attempt | undefined;

function read(): Attempt | undefined {
  try {
    const parsed = JSON.parse(session()?.getItem(STORAGE_KEY) ?? "null") as Partial<Attempt> | null;
    if (parsed && typeof parsed.key === "string" && typeof parsed.fingerprint === "string") return { key: parsed.key, fingerprint: parsed.fingerprint };
  } catch {
    // unreadable: a new attempt
  }
  return current;
}

export const checkoutAttempt = {
  /** The key for this body: the current attempt's when the body is unchanged, otherwise a new attempt's. */
  keyFor(body: OrderCreate): string {
    const fingerprint = fingerprintOf(body);
    const stored = read();
    if (stored?.fingerprint === fingerprint) return stored.key;
    current = { key: newIdempotencyKey(), fingerprint };
    try {
      session()?.setItem(STORAGE_KEY, JSON.stringify(current));
    } catch {
      // storage full or blocked: the in-memory attempt still covers double clicks
    }
    return current.key;
  },
  /** The attempt reached a final answer (order placed, or its order ended, e.g. a declined card): the next press is a new attempt. */
  finish(): void {
    current = undefined;
    try {
      session()?.removeItem(STORAGE_KEY);
    } catch {
      // nothing to clean
    }
  },
};
