// The licence gate of .ci/run (ADR 038): every installed package's licence must be on the policy's allow-list.
// Logic only; run-licences.ts is the command.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface LicencePolicy {
  /** SPDX ids allowed for every package (what ships in the image or the client bundle). */
  allowed: string[];
  /** SPDX ids allowed only for packages npm marks dev (build and test tools that ship nowhere). */
  allowedForDevelopment: string[];
  /** Packages whose metadata names no licence, checked by hand: lock path → SPDX id and where it was read. */
  overrides: Record<string, { license: string; checked: string }>;
  /**
   * Extra ids allowed for the packages under one lock path prefix, with the reason: e.g. sharp's prebuilt libvips
   * (LGPL), a shared library loaded at run time and replaceable, never compiled into our code or the client bundle.
   */
  allowedUnder?: Record<string, { licenses: string[]; why: string }>;
}

interface LockPackage {
  version?: string;
  license?: string | { type?: string };
  dev?: boolean;
  link?: boolean;
}

export interface LicenceProblem {
  path: string;
  version: string;
  license: string;
  dev: boolean;
}

const licenceText = (value: unknown): string | undefined => {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "type" in value && typeof value.type === "string") return value.type;
  if (Array.isArray(value)) {
    const types = value.map(licenceText).filter((t): t is string => Boolean(t));
    // The old `licenses: [a, b]` form means "any of these".
    return types.length > 0 ? `(${types.join(" OR ")})` : undefined;
  }
  return undefined;
};

/** The licence a package declares: the lockfile's copy, else its installed package.json (`license` or the old `licenses`). */
function declaredLicence(root: string, path: string, entry: LockPackage): string | undefined {
  const fromLock = licenceText(entry.license);
  if (fromLock) return fromLock;
  const manifest = join(root, path, "package.json");
  if (!existsSync(manifest)) return undefined;
  const json = JSON.parse(readFileSync(manifest, "utf8")) as { license?: unknown; licenses?: unknown };
  return licenceText(json.license) ?? licenceText(json.licenses);
}

/**
 * Whether an SPDX expression is satisfied by the allowed ids: `A OR B` needs one side, `A AND B` both, and
 * parentheses group. `+` suffixes ("EUPL-1.1+") and `WITH` exceptions are read by their base id.
 */
export function satisfies(expression: string, allowed: ReadonlySet<string>): boolean {
  const tokens = expression.replace(/\(/g, " ( ").replace(/\)/g, " ) ").trim().split(/\s+/);
  let at = 0;
  const primary = (): boolean => {
    const token = tokens[at++];
    if (token === "(") {
      const value = orExpr();
      at++; // ")"
      return value;
    }
    let id = (token ?? "").replace(/\+$/, "");
    if (tokens[at]?.toUpperCase() === "WITH") at += 2;
    if (id.startsWith("SEE LICENSE")) id = "";
    return allowed.has(id);
  };
  const andExpr = (): boolean => {
    let value = primary();
    while (tokens[at]?.toUpperCase() === "AND") {
      at++;
      value = primary() && value;
    }
    return value;
  };
  const orExpr = (): boolean => {
    let value = andExpr();
    while (tokens[at]?.toUpperCase() === "OR") {
      at++;
      value = andExpr() || value;
    }
    return value;
  };
  return orExpr();
}

/** Every package of package-lock.json whose licence the policy does not allow (or that declares none). */
export function checkLicences(
  root: string,
  lock: { packages: Record<string, LockPackage> },
  policy: LicencePolicy,
): { checked: number; problems: LicenceProblem[] } {
  const everywhere = new Set(policy.allowed);
  const forDevelopment = new Set([...policy.allowed, ...policy.allowedForDevelopment]);
  const problems: LicenceProblem[] = [];
  let checked = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.link) continue; // the project itself; workspace links are checked where they point
    checked++;
    const license = policy.overrides[path]?.license ?? declaredLicence(root, path, entry);
    const dev = entry.dev === true;
    const extra = Object.entries(policy.allowedUnder ?? {}).flatMap(([prefix, rule]) => (path.startsWith(prefix) ? rule.licenses : []));
    const ids = dev ? forDevelopment : everywhere;
    if (!license || !satisfies(license, extra.length ? new Set([...ids, ...extra]) : ids)) {
      problems.push({ path, version: entry.version ?? "?", license: license ?? "(none declared)", dev });
    }
  }
  return { checked, problems };
}
