// npm run licences:check: every package in package-lock.json against scripts/supply-chain/licence-policy.json;
// exits 1 listing the packages whose licence is not allowed or not declared (ADR 038).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { checkLicences, type LicencePolicy } from "./licence-check";

const root = fileURLToPath(new URL("../..", import.meta.url));
const policy = JSON.parse(await readFile(new URL("./licence-policy.json", import.meta.url), "utf8")) as LicencePolicy;
const lock = JSON.parse(await readFile(new URL("../../package-lock.json", import.meta.url), "utf8")) as Parameters<typeof checkLicences>[1];
const { checked, problems } = checkLicences(root, lock, policy);
if (problems.length === 0) {
  console.log(`licence check passed: ${checked} packages, all on the allow-list`);
} else {
  console.error(`licence check FAILED: ${problems.length} of ${checked} packages`);
  for (const p of problems) console.error(`  ${p.path}@${p.version}: ${p.license}${p.dev ? " (dev only)" : ""}`);
  console.error("Replace the package, or, after reading its licence, add the id to licence-policy.json (or an override) and say why (ADR 038).");
  process.exitCode = 1;
}
