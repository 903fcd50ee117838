import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { boundaries } from "../../eslint.boundaries.js";

/**
 * Proves the import boundaries of eslint.boundaries.js bite. Each fixture names, on its first line, the path it
 * is linted as ("// lint as: <path>"), so its imports resolve against the real tree without the file living
 * there. Only the boundary rules run: no type information needed, so this stays fast.
 */
const root = join(import.meta.dirname, "../..");
const fixturesDir = join(import.meta.dirname, "fixtures/lint-boundaries");
const BOUNDARY_RULES = new Set(["import-x/no-restricted-paths", "@typescript-eslint/no-restricted-imports"]);

let eslint: ESLint;

function fixture(name: string): { code: string; lintAs: string } {
  const code = readFileSync(join(fixturesDir, name), "utf8");
  const lintAs = /^\/\/ lint as: (\S+)/.exec(code)?.[1];
  if (!lintAs) throw new Error(`${name} does not say where it is linted ("// lint as: <path>" on line 1)`);
  return { code, lintAs };
}

async function boundaryProblems(name: string): Promise<string[]> {
  const { code, lintAs } = fixture(name);
  // A real file at that path would make the fixture test the wrong thing.
  expect(existsSync(join(root, lintAs))).toBe(false);
  const [result] = await eslint.lintText(code, { filePath: join(root, lintAs) });
  const messages = result!.messages;
  const other = messages.filter((m) => !BOUNDARY_RULES.has(m.ruleId ?? ""));
  expect(other, "fixtures must only break boundary rules").toEqual([]);
  return messages.map((m) => `${m.ruleId}: ${m.message}`);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: boundaries(root) });
});

describe("import boundaries", () => {
  it("when the orders repo imports the catalog's products table, then lint fails", async () => {
    const problems = await boundaryProblems("repo-imports-foreign-table.ts");
    expect(problems).toEqual([expect.stringMatching(/no-restricted-imports: .*'products'.*only its own feature's tables/)]);
  });

  it("when a service imports a Drizzle table, then lint fails", async () => {
    const problems = await boundaryProblems("service-imports-table.ts");
    expect(problems).toEqual([expect.stringMatching(/no-restricted-imports: .*Only a feature's repo/)]);
  });

  it("when one feature imports another feature's repo, then lint fails", async () => {
    const problems = await boundaryProblems("feature-imports-other-repo.ts");
    expect(problems).toEqual([expect.stringMatching(/no-restricted-paths: .*users\.repo.*not its repo/)]);
  });

  it("when the client imports server code, then lint fails", async () => {
    const problems = await boundaryProblems("client-imports-server.tsx");
    expect(problems).toEqual([expect.stringMatching(/no-restricted-paths: .*server\/lib\/app-error.*never imports server code/)]);
  });

  it("when server/lib imports a feature, then lint fails", async () => {
    const problems = await boundaryProblems("lib-imports-feature.ts");
    expect(problems).toEqual([expect.stringMatching(/no-restricted-paths: .*never import one/)]);
  });

  it("when a service and a client component import only what their layer allows, then lint passes", async () => {
    expect(await boundaryProblems("clean-service.ts")).toEqual([]);
    expect(await boundaryProblems("clean-client.tsx")).toEqual([]);
  });

  it("when the fixtures folder is listed, then every fixture is covered by a test above", () => {
    expect(readdirSync(fixturesDir).sort()).toEqual([
      "clean-client.tsx",
      "clean-service.ts",
      "client-imports-server.tsx",
      "feature-imports-other-repo.ts",
      "lib-imports-feature.ts",
      "repo-imports-foreign-table.ts",
      "service-imports-table.ts",
    ]);
  });

  it("when npm run lint checks a real feature file, then the boundary rules are on", async () => {
    const full = new ESLint({ cwd: root });
    const config = (await full.calculateConfigForFile(join(root, "server/features/users/users.service.ts"))) as { rules: Record<string, unknown> };
    for (const rule of BOUNDARY_RULES) expect(config.rules[rule], rule).toEqual(expect.arrayContaining([2]));
  });
});
