import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN_TTL_SECONDS, hashRefreshToken, newRefreshToken, signAccessToken, verifyAccessToken } from "./tokens";

const key = randomBytes(32);
const userId = "6f1c2b1e-1111-4a4a-8b8b-0123456789ab";

describe("access tokens", () => {
  it("when a token is signed, then it verifies to its user until it expires", () => {
    const now = Date.now();
    const token = signAccessToken(key, userId, now);
    expect(verifyAccessToken(key, token, now)).toBe(userId);
    expect(verifyAccessToken(key, token, now + (ACCESS_TOKEN_TTL_SECONDS - 1) * 1000)).toBe(userId);
    expect(verifyAccessToken(key, token, now + (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000)).toBeUndefined();
  });

  it("when the claims or the signature are altered, then the token is refused", () => {
    const token = signAccessToken(key, userId);
    const [payload, signature] = token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: "00000000-0000-4000-8000-000000000000" })).toString("base64url");
    expect(verifyAccessToken(key, `${forged}.${signature}`)).toBeUndefined();
    expect(verifyAccessToken(key, `${payload}.${signature.slice(0, -2)}AA`)).toBeUndefined();
    expect(verifyAccessToken(key, `${payload}.`)).toBeUndefined();
    expect(verifyAccessToken(key, token + ".extra")).toBeUndefined();
    expect(verifyAccessToken(randomBytes(32), token)).toBeUndefined();
    expect(verifyAccessToken(key, "x".repeat(5000))).toBeUndefined();
  });

  it("when two tokens are signed for the same user, then they differ (each has its own jti)", () => {
    expect(signAccessToken(key, userId)).not.toBe(signAccessToken(key, userId));
  });
});

describe("refresh tokens", () => {
  it("when a refresh token is made, then it is 32 random bytes and only its SHA-256 is stored", () => {
    const token = newRefreshToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(token)).not.toContain(token);
  });
});
