// The dependency-audit gate of .ci/run (ADR 038): reads `npm audit --json` and fails on high or critical
// advisories that the allow-list does not accept. Logic only; run-audit.ts is the command.

export type Severity = "info" | "low" | "moderate" | "high" | "critical";
const rank: Record<Severity, number> = { info: 0, low: 1, moderate: 2, high: 3, critical: 4 };

/** One advisory as `npm audit --json` (report version 2) lists it under `vulnerabilities.<pkg>.via`. */
interface AuditVia {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: Severity;
  range?: string;
}

/** The parts of an `npm audit --json` report the gate reads; `error` is what npm prints when it could not audit. */
export interface AuditReport {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { name: string; severity: Severity; via: Array<AuditVia | string> }>;
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
  /** The advisory endpoint's HTTP status when it refused the request. */
  statusCode?: number;
}

/** An accepted advisory: who accepted it, why, and until when (an expired entry no longer counts). */
export interface AllowListEntry {
  /** The GitHub advisory id (GHSA-xxxx-xxxx-xxxx) as in the advisory's URL. */
  id: string;
  /** The vulnerable package the acceptance is for. */
  package: string;
  reason: string;
  approvedBy: string;
  /** YYYY-MM-DD; after this day the advisory fails the run again until someone looks at it anew. */
  expires: string;
}

export interface Finding {
  id: string;
  package: string;
  severity: Severity;
  title: string;
  url: string;
  range: string;
}

export type AuditVerdict =
  | { outcome: "pass"; failing: []; allowed: Finding[]; below: number; expired: AllowListEntry[] }
  | { outcome: "fail"; failing: Finding[]; allowed: Finding[]; below: number; expired: AllowListEntry[] }
  /** npm could not audit (registry unreachable, bad answer): neither a pass nor a finding. */
  | { outcome: "unavailable"; reason: string };

/** The advisory's id: its GHSA id from the URL, else npm's numeric source id. */
function advisoryId(via: AuditVia): string {
  const ghsa = via.url?.match(/GHSA-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/i)?.[0];
  return ghsa ?? `npm-${via.source ?? "unknown"}`;
}

/** Every distinct advisory of the report (a package's `via` strings only point at other packages' advisories). */
export function findingsOf(report: AuditReport): Finding[] {
  const seen = new Map<string, Finding>();
  for (const [pkg, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via) {
      if (typeof via === "string") continue;
      const finding: Finding = {
        id: advisoryId(via),
        package: via.name ?? pkg,
        severity: via.severity ?? vulnerability.severity,
        title: via.title ?? "",
        url: via.url ?? "",
        range: via.range ?? "",
      };
      seen.set(`${finding.id} ${finding.package}`, finding);
    }
  }
  return [...seen.values()];
}

/** Why npm could not audit, in words an operator can act on (npm's own summary is sometimes empty). */
function unavailableReason(report: AuditReport): string {
  const parts = [report.error?.code, report.error?.summary || report.message].filter((p): p is string => Boolean(p));
  if (report.statusCode === 404 || report.statusCode === 405 || report.statusCode === 501)
    parts.push(`the registry answered HTTP ${report.statusCode} to the advisory endpoint: it does not serve npm audit (a read-only mirror or proxy?)`);
  return parts.join(": ") || "npm's answer had no vulnerabilities section";
}

/**
 * Decides the run: every finding at or above `level` must be accepted by an unexpired allow-list entry for the same
 * advisory and package. `today` is YYYY-MM-DD (an entry expiring today still counts).
 */
export function evaluateAudit(report: AuditReport, allowList: AllowListEntry[], today: string, level: Severity = "high"): AuditVerdict {
  if (report.error || !report.vulnerabilities) return { outcome: "unavailable", reason: unavailableReason(report) };
  const expired = allowList.filter((e) => e.expires < today);
  const valid = allowList.filter((e) => e.expires >= today);
  const findings = findingsOf(report);
  const gated = findings.filter((f) => rank[f.severity] >= rank[level]);
  const isAllowed = (f: Finding) => valid.some((e) => e.id.toLowerCase() === f.id.toLowerCase() && e.package === f.package);
  const failing = gated.filter((f) => !isAllowed(f));
  const allowed = gated.filter(isAllowed);
  const below = findings.length - gated.length;
  return failing.length > 0 ? { outcome: "fail", failing, allowed, below, expired } : { outcome: "pass", failing: [], allowed, below, expired };
}

/** Checks the allow-list file's shape, so a typo cannot silently accept nothing (or everything). */
export function parseAllowList(raw: unknown): AllowListEntry[] {
  const entries = (raw as { advisories?: unknown }).advisories;
  if (!Array.isArray(entries)) throw new Error("the allow-list needs an `advisories` array");
  return entries.map((entry: Partial<AllowListEntry>, i) => {
    for (const key of ["id", "package", "reason", "approvedBy", "expires"] as const) {
      if (typeof entry[key] !== "string" || entry[key] === "") throw new Error(`allow-list entry ${i}: \`${key}\` is required`);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.expires!)) throw new Error(`allow-list entry ${i}: \`expires\` must be YYYY-MM-DD`);
    return entry as AllowListEntry;
  });
}

export function describeVerdict(verdict: AuditVerdict): string {
  if (verdict.outcome === "unavailable") return `npm audit could not run: ${verdict.reason}`;
  const lines = [
    verdict.outcome === "pass"
      ? `audit gate passed: no unaccepted high or critical advisory in production dependencies (${verdict.allowed.length} accepted, ${verdict.below} below the level)`
      : `audit gate FAILED: ${verdict.failing.length} high or critical advisory(ies) in production dependencies`,
  ];
  for (const f of verdict.failing) lines.push(`  ${f.severity.toUpperCase()} ${f.package} ${f.range}: ${f.title} (${f.id}) ${f.url}`);
  for (const f of verdict.allowed) lines.push(`  accepted: ${f.severity} ${f.package} ${f.id}`);
  for (const e of verdict.expired) lines.push(`  note: allow-list entry ${e.id} (${e.package}) expired on ${e.expires}; it no longer counts`);
  if (verdict.outcome === "fail")
    lines.push(
      "  Fix: upgrade (npm audit fix / npm update <pkg>), or, if the advisory does not apply, accept it in scripts/supply-chain/audit-allowlist.json (see ADR 038).",
    );
  return lines.join("\n");
}
