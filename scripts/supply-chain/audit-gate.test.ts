import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateAudit, parseAllowList, type AllowListEntry, type AuditReport } from "./audit-gate";

// Issue 16 §7: the audit gate fails the run on a high advisory, proven with saved `npm audit --json` answers.
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const load = async (name: string) => JSON.parse(await readFile(fixture(name), "utf8")) as AuditReport;
const wsAccepted: AllowListEntry = {
  id: "GHSA-3h5v-q93c-6h6q",
  package: "ws",
  reason: "only reachable through headers our proxy caps",
  approvedBy: "security@fruitfulplanet.test",
  expires: "2026-12-31",
};

/** The command .ci/run runs, on a saved report: its exit code is what fails (or passes) the CI step. */
function runGate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = fileURLToPath(new URL("./run-audit.ts", import.meta.url));
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", cli, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("audit gate verdicts", () => {
  it("when a production dependency has a high advisory, then the verdict fails and names it", async () => {
    const verdict = evaluateAudit(await load("npm-audit-high.json"), [], "2026-12-06");
    expect(verdict.outcome).toBe("fail");
    if (verdict.outcome !== "fail") return;
    // Only the advisory itself: the parent listed with `via: ["ws"]` is the same finding, and semver is moderate.
    expect(verdict.failing.map((f) => [f.id, f.package, f.severity])).toEqual([["GHSA-3h5v-q93c-6h6q", "ws", "high"]]);
    expect(verdict.below).toBe(1);
  });

  it("when the high advisory is accepted in the allow-list, then the verdict passes until the entry expires", async () => {
    const report = await load("npm-audit-high.json");
    expect(evaluateAudit(report, [wsAccepted], "2026-12-31").outcome).toBe("pass");
    const expired = evaluateAudit(report, [wsAccepted], "2027-01-01");
    expect(expired.outcome).toBe("fail");
    expect(expired.outcome !== "unavailable" && expired.expired).toEqual([wsAccepted]);
  });

  it("when an entry accepts the advisory for another package, then it does not count", async () => {
    expect(evaluateAudit(await load("npm-audit-high.json"), [{ ...wsAccepted, package: "express" }], "2026-12-06").outcome).toBe("fail");
  });

  it("when only moderate advisories exist, then the verdict passes", async () => {
    expect(evaluateAudit(await load("npm-audit-moderate.json"), [], "2026-12-06").outcome).toBe("pass");
  });

  it("when npm could not reach the registry, then the verdict is 'unavailable', not a pass", async () => {
    const verdict = evaluateAudit(await load("npm-audit-registry-down.json"), [], "2026-12-06");
    expect(verdict).toEqual({ outcome: "unavailable", reason: expect.stringContaining("EAI_AGAIN") as string });
  });

  it("when the registry refuses the advisory endpoint (a read-only mirror answering 405), then the verdict is 'unavailable' and says so", async () => {
    const verdict = evaluateAudit(await load("npm-audit-endpoint-refused.json"), [], "2026-12-06");
    expect(verdict.outcome).toBe("unavailable");
    expect(verdict.outcome === "unavailable" && verdict.reason).toMatch(/405.*does not serve npm audit/);
  });

  it("when an allow-list entry lacks its reason or expiry, then the allow-list is rejected", () => {
    expect(() => parseAllowList({ advisories: [{ id: "GHSA-x", package: "ws", approvedBy: "a", expires: "2026-12-31" }] })).toThrow(/reason/);
    expect(() => parseAllowList({ advisories: [{ ...wsAccepted, expires: "soon" }] })).toThrow(/YYYY-MM-DD/);
    expect(parseAllowList({ advisories: [wsAccepted] })).toEqual([wsAccepted]);
  });
});

describe("the audit gate command (as .ci/run calls it)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "fp-audit-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("when fed a report with a high advisory, then it exits 1 and says what to do; the repo's allow-list accepts nothing", async () => {
    const run = await runGate(["--report", fixture("npm-audit-high.json")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("audit gate FAILED");
    expect(run.stdout).toContain("GHSA-3h5v-q93c-6h6q");
  });

  it("when the advisory is in the allow-list given, then it exits 0", async () => {
    const allowList = join(dir, "allow.json");
    await writeFile(allowList, JSON.stringify({ advisories: [{ ...wsAccepted, expires: "2999-12-31" }] }));
    const run = await runGate(["--report", fixture("npm-audit-high.json"), "--allow-list", allowList]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("accepted: high ws GHSA-3h5v-q93c-6h6q");
  });

  it("when the registry was down, then it fails closed with exit 2, and --offline warn lets the run go on with a warning", async () => {
    const closed = await runGate(["--report", fixture("npm-audit-registry-down.json")]);
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain("Failing closed");
    const warned = await runGate(["--report", fixture("npm-audit-registry-down.json"), "--offline", "warn"]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain("did NOT run");
  });
});
