// npm run audit:gate [-- --report saved.json] [--allow-list file] [--offline fail|warn] [--retries N]
// Runs `npm audit --omit=dev --audit-level=high --json` (or reads a saved report) and exits 1 on any high or
// critical advisory the allow-list does not accept; exits 2 when npm could not audit at all (registry down),
// unless --offline warn. Decisions: docs/decisions/038-supply-chain-gates.md.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { describeVerdict, evaluateAudit, parseAllowList, type AuditReport, type AuditVerdict } from "./audit-gate";

const defaultAllowList = fileURLToPath(new URL("./audit-allowlist.json", import.meta.url));

/** npm audit exits 1 when it finds anything: its JSON on stdout is the answer either way. */
function npmAudit(): Promise<AuditReport> {
  return new Promise((resolve) => {
    execFile("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as AuditReport);
      } catch {
        resolve({ error: { code: "EBADANSWER", summary: (stderr || error?.message || "npm audit printed no JSON").trim().slice(0, 500) } });
      }
    });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      report: { type: "string" },
      "allow-list": { type: "string", default: defaultAllowList },
      offline: { type: "string", default: "fail" },
      retries: { type: "string", default: "3" },
    },
  });
  if (values.offline !== "fail" && values.offline !== "warn") throw new Error("--offline is fail or warn");
  const allowList = parseAllowList(JSON.parse(await readFile(values["allow-list"], "utf8")));
  const today = new Date().toISOString().slice(0, 10);

  let verdict: AuditVerdict;
  if (values.report) {
    verdict = evaluateAudit(JSON.parse(await readFile(values.report, "utf8")) as AuditReport, allowList, today);
  } else {
    const attempts = Math.max(1, Number(values.retries));
    for (let attempt = 1; ; attempt++) {
      verdict = evaluateAudit(await npmAudit(), allowList, today);
      if (verdict.outcome !== "unavailable" || attempt >= attempts) break;
      console.error(`npm audit unavailable (${verdict.reason}); retrying in ${5 * attempt} s`);
      await sleep(5_000 * attempt);
    }
  }
  console.log(describeVerdict(verdict));
  if (verdict.outcome === "pass") return 0;
  if (verdict.outcome === "fail") return 1;
  if (values.offline === "warn") {
    console.warn("WARNING: the dependency audit did NOT run (--offline warn): this run proves nothing about advisories.");
    return 0;
  }
  console.error("Failing closed: an audit that could not run is not a pass. Re-run when the registry answers, or run with CI_AUDIT_OFFLINE=warn (ADR 038).");
  return 2;
}

process.exitCode = await main().catch((err: unknown) => {
  console.error(`audit gate: ${(err as Error).message}`);
  return 2;
});
