import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

/** Access tokens live 15 minutes; refresh tokens 7 days (rotated on every use). */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const MAX_TOKEN_LENGTH = 1024;
const SIGNATURE_BYTES = 32;

interface AccessClaims {
  sub: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  jti: string;
  /** Issued at, milliseconds since the epoch: compared with the user's tokens_valid_after (issue 11 §8). */
  iat?: number;
  /** The refresh-token family the token was issued with (logout with a bearer token revokes it). */
  fam?: string;
}

/** What a valid access token says. */
export interface AccessTokenClaims {
  userId: string;
  issuedAtMs: number;
  familyId?: string;
}

/**
 * A compact HMAC-SHA256 token "<base64url(claims)>.<base64url(signature)>". No JWT library: one algorithm,
 * no header to negotiate, nothing for an attacker to downgrade.
 */
export function signAccessToken(key: Buffer, userId: string, now = Date.now(), familyId?: string): string {
  const claims: AccessClaims = { sub: userId, exp: Math.floor(now / 1000) + ACCESS_TOKEN_TTL_SECONDS, jti: randomUUID(), iat: now, fam: familyId };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = createHmac("sha256", key).update(payload).digest("base64url");
  return `${payload}.${signature}`;
}

/** The user id of a valid, unexpired token; undefined otherwise. The signature is compared in constant time. */
export function verifyAccessToken(key: Buffer, token: string, now = Date.now()): string | undefined {
  return readAccessToken(key, token, now)?.userId;
}

/** The claims of a valid, unexpired token; undefined otherwise. */
export function readAccessToken(key: Buffer, token: string, now = Date.now()): AccessTokenClaims | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split(".");
  if (parts.length !== 2) return undefined;
  const [payload, signature] = parts as [string, string];
  const given = Buffer.from(signature, "base64url");
  const expected = createHmac("sha256", key).update(payload).digest();
  if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, expected)) return undefined;
  let claims: Partial<AccessClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<AccessClaims>;
  } catch {
    return undefined;
  }
  if (typeof claims.sub !== "string" || typeof claims.exp !== "number" || claims.exp * 1000 <= now) return undefined;
  return {
    userId: claims.sub,
    issuedAtMs: typeof claims.iat === "number" ? claims.iat : 0,
    familyId: typeof claims.fam === "string" ? claims.fam : undefined,
  };
}

/** 32 random bytes; only their SHA-256 is stored, so a database leak yields no usable refresh token. */
export const newRefreshToken = () => randomBytes(32).toString("base64url");
export const hashRefreshToken = (token: string) => createHash("sha256").update(token).digest("hex");
