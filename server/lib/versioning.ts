import { createHash } from "node:crypto";
import type { Response } from "express";
import { AppError } from "./app-error";

/*
 * Optimistic concurrency for admin-editable objects (issue 16 §3, ADR 056). Each row carries a version that a
 * database trigger bumps on every change. GET answers a strong ETag `"<version>-<digest>"`: the version is what
 * If-Match checks, the digest of the body keeps If-None-Match (304) exact when only derived fields changed
 * (a sector's counts, a product's brand name). PATCH and DELETE compare If-Match with the version they read under
 * the row lock, so the check and the write are one atomic step.
 */

/** What an If-Match header asks for: nothing (no header: last write wins), any version (`*`), or these versions. */
export type IfMatch = undefined | "*" | number[];

/** Strong tags only (RFC 9110 §13.1.1: If-Match uses the strong comparison); a weak or foreign tag matches nothing. */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) return undefined;
  if (header.trim() === "*") return "*";
  const versions: number[] = [];
  for (const tag of header.split(",")) {
    const match = /^"(\d{1,9})(?:-[A-Za-z0-9_-]*)?"$/.exec(tag.trim());
    if (match) versions.push(Number(match[1]));
  }
  return versions;
}

/** The strong ETag of a representation of the given version. */
export function entityTag(version: number, body: unknown): string {
  return entityTagOfJson(version, JSON.stringify(body));
}

/** The same tag from the serialised body (the cached JSON bytes of server/lib/json-body.ts). */
export function entityTagOfJson(version: number, json: string | Buffer): string {
  const digest = createHash("sha256").update(json).digest("base64url").slice(0, 16);
  return `"${version}-${digest}"`;
}

/** Sets the ETag before Express computes its weak one (res.json keeps a tag that is already set) and returns the body. */
export function withEntityTag<T extends { version: number }>(res: Response, body: T): T {
  res.setHeader("ETag", entityTag(body.version, body));
  return body;
}

/** 412 unless the expected version is the current one; the current version is in details and the ETag header. */
export function assertVersion(ifMatch: IfMatch, current: number, label: string): void {
  if (ifMatch === undefined || ifMatch === "*" || ifMatch.includes(current)) return;
  throw new AppError(
    "precondition_failed",
    `This ${label.toLowerCase()} was changed by someone else since you loaded it (it is now at version ${current}). Reload it, then apply your change again.`,
    [{ path: "version", message: String(current) }],
  );
}

/** OpenAPI text shared by every versioned endpoint. */
export const entityTagHeader = {
  ETag: {
    description: 'Strong tag `"<version>-<digest>"`; send it (or `"<version>"`) as `If-Match` to change or delete this version.',
    schema: { type: "string" },
  },
};
export const ifMatchRule =
  'Send `If-Match` with the `ETag` (or `"<version>"`) you loaded: a stale one is 412 `precondition_failed` with the current version in `details`, and nothing changes.';
