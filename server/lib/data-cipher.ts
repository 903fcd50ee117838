import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FieldCipher } from "@shared/sealed-columns";

/*
 * AES-256-GCM for personal data at rest (issue 16 §5, ADR 058). A sealed value is
 *   fpe1.<keyId>.<iv, 12 bytes>.<ciphertext + 16-byte tag>   (base64url parts)
 * so every value names its key: rotation adds a newest key, new writes use it, old values stay readable under their
 * own key until the re-encryption job rewrites them. Keys never reach a log; only their ids do.
 */

const PREFIX = "fpe1";
const SEALED = /^fpe1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface DataCipher extends FieldCipher {
  /** The id new values are sealed under (the first key). */
  readonly currentKeyId: string;
  readonly keyIds: readonly string[];
  /** The prefix every value sealed under the current key starts with (the re-encryption job looks for others). */
  readonly currentPrefix: string;
}

export function createDataCipher(keys: readonly DataKey[]): DataCipher {
  if (keys.length === 0) throw new Error("createDataCipher needs at least one key");
  for (const k of keys) if (k.key.length !== 32) throw new Error(`data key ${k.id} must be 32 bytes`);
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const current = keys[0]!;
  return {
    currentKeyId: current.id,
    keyIds: keys.map((k) => k.id),
    currentPrefix: `${PREFIX}.${current.id}.`,
    isSealed: (value) => SEALED.test(value),
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}.${current.id}.${iv.toString("base64url")}.${body.toString("base64url")}`;
    },
    open(sealed, context) {
      const match = SEALED.exec(sealed);
      if (!match) throw new Error("not a sealed value");
      const [, keyId, iv, body] = match as unknown as [string, string, string, string];
      const key = byId.get(keyId);
      if (!key) throw new Error(`no data key "${keyId}" is configured (DATA_ENCRYPTION_KEYS must keep retired keys until re-encryption ends)`);
      const raw = Buffer.from(body, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString("utf8");
    },
  };
}

/** `DATA_ENCRYPTION_KEYS`: `id:base64key,id:base64key`, newest first; each key 32 random bytes. */
export function parseDataKeys(text: string): DataKey[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded] = part.split(":", 2);
      if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || !encoded) throw new Error("each entry is <id>:<base64 key>, ids of letters, digits, - and _");
      const key = Buffer.from(encoded, "base64");
      if (key.length !== 32) throw new Error(`key ${id} must decode to 32 bytes (openssl rand -base64 32)`);
      return { id, key };
    });
}

/** The id of the key derived from SESSION_SECRET: what a deployment without DATA_ENCRYPTION_KEYS seals under. */
export const SESSION_DERIVED_KEY_ID = "s0";
const KEY_FILE = "data-encryption.key";

/**
 * The keys, newest first (ADR 058): DATA_ENCRYPTION_KEYS, then the key derived from SESSION_SECRET (kept readable so
 * data sealed before keys were configured can still be opened and re-encrypted), or, with neither (embedded
 * development), a random key generated once into DATA_DIR.
 */
export function resolveDataKeys(env: { DATA_ENCRYPTION_KEYS?: string; SESSION_SECRET?: string; DATA_DIR: string }): DataKey[] {
  const keys = env.DATA_ENCRYPTION_KEYS ? parseDataKeys(env.DATA_ENCRYPTION_KEYS) : [];
  if (env.SESSION_SECRET) {
    const derived = Buffer.from(hkdfSync("sha256", env.SESSION_SECRET, "fruitful-planet", "personal-data-v1", 32));
    if (!keys.some((k) => k.id === SESSION_DERIVED_KEY_ID)) keys.push({ id: SESSION_DERIVED_KEY_ID, key: derived });
  }
  if (keys.length > 0) return keys;
  const file = join(env.DATA_DIR, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    try {
      writeFileSync(file, `local:${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err; // another process made it first: use theirs
    }
  }
  return parseDataKeys(readFileSync(file, "utf8"));
}
