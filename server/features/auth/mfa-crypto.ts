import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * TOTP secrets at rest: AES-256-GCM with a key derived from SESSION_SECRET (deriveKey(secret, "mfa-secret-v1")),
 * so a database dump alone does not reveal them. Rotating SESSION_SECRET makes the stored secrets unreadable:
 * affected users then sign in with a recovery code (hashed without the key, so they survive) and set TOTP up again.
 */
export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(key: Buffer, stored: string): string | undefined {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/** Recovery codes: 50 random bits each (too many to brute-force a SHA-256 of), stored hashed so a dump yields none. */
export const hashRecoveryCode = (code: string) => createHash("sha256").update(code).digest("hex");

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => BASE32[b & 31]).join("");
}
/** As shown to the person: "abcde-fghij". */
export const formatRecoveryCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
