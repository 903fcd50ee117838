import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLicences, satisfies, type LicencePolicy } from "./licence-check";

const policy: LicencePolicy = {
  allowed: ["MIT", "ISC", "Apache-2.0", "BSD-3-Clause"],
  allowedForDevelopment: ["MPL-2.0"],
  overrides: { "node_modules/unlabelled-but-checked": { license: "MIT", checked: "its LICENSE file" } },
};

describe("SPDX expressions", () => {
  const allowed = new Set(policy.allowed);
  it("when an expression offers a choice, then one allowed side is enough; when it combines, then every part must be allowed", () => {
    expect(satisfies("MIT", allowed)).toBe(true);
    expect(satisfies("(MIT OR EUPL-1.1+)", allowed)).toBe(true);
    expect(satisfies("MIT AND ISC AND BSD-3-Clause", allowed)).toBe(true);
    expect(satisfies("(MIT AND GPL-3.0-only)", allowed)).toBe(false);
    expect(satisfies("GPL-2.0-only OR (MIT AND Apache-2.0)", allowed)).toBe(true);
    expect(satisfies("Apache-2.0 WITH LLVM-exception", allowed)).toBe(true);
    expect(satisfies("SEE LICENSE IN LICENSE.md", allowed)).toBe(false);
  });
});

describe("licence check over a lockfile", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "fp-licences-"));
    // A package whose lock entry has no licence: its installed package.json is read instead (old `licenses` form).
    await mkdir(join(root, "node_modules/old-style"), { recursive: true });
    await writeFile(join(root, "node_modules/old-style/package.json"), JSON.stringify({ licenses: [{ type: "MIT" }] }));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("when a shipped package is GPL, a dev tool MPL, and one package declares nothing, then only the GPL and the undeclared one fail", () => {
    const lock = {
      packages: {
        "": { version: "0.1.0" },
        "node_modules/express": { version: "5.1.0", license: "MIT" },
        "node_modules/copyleft-lib": { version: "1.0.0", license: "GPL-3.0-only" },
        "node_modules/lightningcss": { version: "1.30.0", license: "MPL-2.0", dev: true },
        "node_modules/old-style": { version: "0.3.0" },
        "node_modules/unlabelled-but-checked": { version: "0.0.1" },
        "node_modules/mystery": { version: "2.0.0" },
      },
    };
    const { checked, problems } = checkLicences(root, lock, policy);
    expect(checked).toBe(6);
    expect(problems).toEqual([
      { path: "node_modules/copyleft-lib", version: "1.0.0", license: "GPL-3.0-only", dev: false },
      { path: "node_modules/mystery", version: "2.0.0", license: "(none declared)", dev: false },
    ]);
  });

  it("when a licence is allowed only under a path prefix, then packages there pass and the same licence elsewhere fails", () => {
    const scoped: LicencePolicy = { ...policy, allowedUnder: { "node_modules/@img/": { licenses: ["LGPL-3.0-or-later"], why: "a shared library" } } };
    const lock = {
      packages: {
        "node_modules/@img/sharp-libvips-linux-x64": { version: "1.3.5", license: "LGPL-3.0-or-later" },
        "node_modules/@img/sharp-wasm32": { version: "0.35.6", license: "Apache-2.0 AND LGPL-3.0-or-later AND MIT" },
        "node_modules/other-lgpl": { version: "1.0.0", license: "LGPL-3.0-or-later" },
      },
    };
    expect(checkLicences(root, lock, scoped).problems.map((p) => p.path)).toEqual(["node_modules/other-lgpl"]);
  });

  it("when a shipped package uses a licence allowed only for development, then it fails", () => {
    const { problems } = checkLicences(root, { packages: { "node_modules/mpl-runtime": { version: "1.0.0", license: "MPL-2.0" } } }, policy);
    expect(problems.map((p) => p.path)).toEqual(["node_modules/mpl-runtime"]);
  });
});
