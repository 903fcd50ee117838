import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { Request, Response } from "express";
import { entityTagOfJson } from "./versioning";

/**
 * A JSON answer as bytes: serialised once, with its ETag and its compressed copies made on first demand and
 * kept (ADR 060). A cached read is then a lookup and a write: no JSON.stringify, no hashing, no compression.
 */
export type ContentCoding = "br" | "gzip" | "identity";

/**
 * Compression settings (ADR 060, measured on the 24-product list page, ~15 KB):
 * - "stored" copies live in the cache and are made once per entry: brotli 5 and gzip 6 (smaller; the CPU is paid once);
 * - "fast" copies are made per request when there is no cache (staff reads, caching off): brotli 1 and gzip 1.
 */
const LEVELS = {
  stored: { br: 5, gzip: 6 },
  fast: { br: 1, gzip: 1 },
} as const;
export type CompressionPolicy = keyof typeof LEVELS;

/** Below this, compression costs more than it saves (the `compression` middleware's default threshold). */
const MIN_COMPRESS_BYTES = 1024;

export class JsonBody {
  private br?: Buffer;
  private gzip?: Buffer;

  constructor(
    readonly json: Buffer,
    readonly etag: string,
    readonly policy: CompressionPolicy,
    copies: { br?: Buffer; gzip?: Buffer } = {},
  ) {
    this.br = copies.br;
    this.gzip = copies.gzip;
  }

  /** The bytes for a coding ("identity" when the body is too small to be worth compressing). */
  bytes(coding: ContentCoding): Buffer {
    if (coding === "identity") return this.json;
    if (coding === "br") {
      this.br ??= brotliCompressSync(this.json, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: LEVELS[this.policy].br, [zlib.BROTLI_PARAM_SIZE_HINT]: this.json.length },
      });
      return this.br;
    }
    this.gzip ??= gzipSync(this.json, { level: LEVELS[this.policy].gzip });
    return this.gzip;
  }

  /** Both compressed copies made now (an entry about to be stored in Redis, where later readers cannot add them). */
  withAllCopies(): { json: Buffer; etag: string; br?: Buffer; gzip?: Buffer } {
    if (!this.compressible) return { json: this.json, etag: this.etag };
    return { json: this.json, etag: this.etag, br: this.bytes("br"), gzip: this.bytes("gzip") };
  }

  get compressible(): boolean {
    return this.json.length >= MIN_COMPRESS_BYTES;
  }
}

/** Express's weak ETag format (the `etag` package): W/"<length hex>-<SHA-1 base64, 27 characters>". */
export function weakEtag(bytes: Buffer): string {
  const hash = createHash("sha1").update(bytes).digest("base64").slice(0, 27);
  return `W/"${bytes.length.toString(16)}-${hash}"`;
}

export function toJsonBody(value: unknown, policy: CompressionPolicy): JsonBody {
  const json = Buffer.from(JSON.stringify(value));
  // A versioned object (sector, brand, product, user: ADR 056) carries its strong tag, the one If-Match takes.
  const version = (value as { version?: unknown } | null)?.version;
  return new JsonBody(json, typeof version === "number" ? entityTagOfJson(version, json) : weakEtag(json), policy);
}

/** br, else gzip, else identity, from Accept-Encoding (a coding listed with q=0 is refused). */
export function chooseCoding(acceptEncoding: string | undefined): ContentCoding {
  if (!acceptEncoding) return "identity";
  let gzip = false;
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    if (refused) continue;
    if (name === "br") return "br";
    if (name === "gzip" || name === "*") gzip = true;
  }
  return gzip ? "gzip" : "identity";
}

/** If-None-Match against a weak ETag, with the weak comparison HTTP prescribes for GET. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}

/**
 * Sends a JsonBody: 304 without a body when If-None-Match matches (GET/HEAD), else the bytes in the best coding
 * the client accepts. Sets everything itself, so the compression middleware leaves the response alone.
 */
export function sendJsonBody(req: Request, res: Response, body: JsonBody, status = 200): void {
  res.setHeader("ETag", body.etag);
  if (body.compressible) res.vary("Accept-Encoding");
  if (status === 200 && (req.method === "GET" || req.method === "HEAD") && matchesEtag(req.headers["if-none-match"], body.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const coding = body.compressible ? chooseCoding(req.headers["accept-encoding"]) : "identity";
  const bytes = body.bytes(coding);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", bytes.length);
  if (coding !== "identity") res.setHeader("Content-Encoding", coding);
  if (req.method === "HEAD") res.end();
  else res.end(bytes);
}

/**
 * A JsonBody as one Buffer for a shared cache (Redis): lengths of the ETag, JSON, gzip and brotli parts as
 * 32-bit integers, then the parts. Readers get the compressed copies made by the writer.
 */
export function packJsonBody(body: JsonBody): Buffer {
  const { json, etag, gzip, br } = body.withAllCopies();
  const etagBytes = Buffer.from(etag);
  const parts = [etagBytes, json, gzip ?? Buffer.alloc(0), br ?? Buffer.alloc(0)];
  const header = Buffer.alloc(16);
  parts.forEach((part, i) => header.writeUInt32BE(part.length, i * 4));
  return Buffer.concat([header, ...parts]);
}

/** The inverse of packJsonBody; undefined for anything that is not one (a foreign or truncated value). */
export function unpackJsonBody(packed: Buffer): JsonBody | undefined {
  if (packed.length < 16) return undefined;
  const lengths = [0, 1, 2, 3].map((i) => packed.readUInt32BE(i * 4));
  if (16 + lengths.reduce((a, b) => a + b, 0) !== packed.length) return undefined;
  const parts: Buffer[] = [];
  let offset = 16;
  for (const length of lengths) {
    parts.push(packed.subarray(offset, offset + length));
    offset += length;
  }
  const [etag, json, gzip, br] = parts as [Buffer, Buffer, Buffer, Buffer];
  return new JsonBody(json, etag.toString(), "stored", { gzip: gzip.length ? gzip : undefined, br: br.length ? br : undefined });
}
