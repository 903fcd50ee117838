import { customType } from "drizzle-orm/pg-core";

/**
 * Columns that hold personal data encrypted at rest (issue 16 §5, ADR 058). Drizzle seals a value on its way to the
 * database and opens it on the way back, so repositories read and write plain values and no raw SELECT or pg_dump
 * shows them. The cipher (AES-256-GCM, key id per value) is installed once per process by the server
 * (server/lib/data-cipher.ts); values written before encryption (plain text or plain JSON) are still read as they are,
 * until the re-encryption job rewrites them.
 */
export interface FieldCipher {
  /** Ciphertext under the newest key; `context` (the column) is authenticated, so a value cannot move between columns. */
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  isSealed(value: string): boolean;
}

let installed: FieldCipher | undefined;

/** Installs the process's cipher (at boot, from DATA_ENCRYPTION_KEYS); later installs replace it (tests, rotation). */
export function installFieldCipher(cipher: FieldCipher): void {
  installed = cipher;
}

function cipher(): FieldCipher {
  if (!installed) throw new Error("No data cipher installed: build the services (createServices) before touching personal data columns");
  return installed;
}

/**
 * Any JSON value sealed into one string: a `sealedJson` column's value, or a sealed field of a job payload (the props of
 * a mail.send job, ADR 074), which outlives the request that wrote it.
 */
export function sealJsonValue(value: unknown, context: string): string {
  return cipher().seal(JSON.stringify(value), context);
}

/** The value `sealJsonValue` sealed; anything else (a value written before sealing) is returned as it is. */
export function openJsonValue<T>(value: unknown, context: string): T {
  return (typeof value === "string" && cipher().isSealed(value) ? JSON.parse(cipher().open(value, context)) : value) as T;
}

/** A text column sealed at rest (saved addresses' fields, order messages, rendered mails). */
export const sealedText = (name: string, context: string) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => cipher().seal(value, context),
    fromDriver: (value) => (cipher().isSealed(value) ? cipher().open(value, context) : value),
  })(name);

/** A jsonb column holding one sealed JSON string (an order's shipping address); a plain JSON value is a legacy row. */
export const sealedJson = <T>(name: string, context: string) =>
  customType<{ data: T; driverData: unknown }>({
    dataType: () => "jsonb",
    toDriver: (value) => JSON.stringify(sealJsonValue(value, context)),
    fromDriver: (value) => openJsonValue<T>(typeof value === "string" && !cipher().isSealed(value) ? JSON.parse(value) : value, context),
  })(name);
