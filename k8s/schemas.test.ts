import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";

/**
 * Strict validation of every manifest against the Kubernetes API types (kubernetes-models, generated from the
 * Kubernetes OpenAPI schemas). Two checks: the library's own validator (required fields, formats, enums), and
 * TypeScript's excess-property check on the manifest as an object literal of the resource's interface, which
 * fails on any field Kubernetes does not know — the typo a server-side `--validate=strict` would reject.
 */

const k8sDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(k8sDir, "..");

interface Resource {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [key: string]: unknown;
}

function manifestFolders(): string[] {
  return [
    k8sDir,
    ...readdirSync(k8sDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(k8sDir, d.name)),
  ];
}

function loadResources(): Resource[] {
  return manifestFolders().flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml")
      .flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), "utf8")).map((doc) => ({ ...(doc.toJS() as Resource), file: f })))
      // Prometheus rule files live beside the manifests but are not Kubernetes objects (checked by promtool).
      .filter((r) => typeof r.apiVersion === "string" && typeof r.kind === "string"),
  );
}

/** `apps/v1` + `Deployment` → `kubernetes-models/apps/v1/Deployment`; core `v1` has no group. */
function modelModule(apiVersion: string, kind: string): string {
  return `kubernetes-models/${apiVersion}/${kind}`;
}

/** Type-checks each resource as `const m: I<Kind> = <manifest>` in memory and returns the diagnostics per resource. */
function strictTypeErrors(resources: ReadonlyArray<{ apiVersion: string; kind: string; file?: string }>): string[][] {
  const files = new Map<string, string>();
  resources.forEach((r, i) => {
    const { file: _file, ...manifest } = r;
    const source = `import type { I${r.kind} } from "${modelModule(r.apiVersion, r.kind)}";\nexport const manifest: I${r.kind} = ${JSON.stringify(manifest, null, 2)};\n`;
    files.set(join(repoRoot, "k8s", `__strict_${i}.ts`), source);
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.getSourceFile = (name, version, onError, create) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name)!, version, true) : getSourceFile(name, version, onError, create);
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files.keys()].map((name) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")),
  );
}

const resources = loadResources();

describe("k8s manifests: strict Kubernetes schemas", () => {
  it("when every manifest is checked against its API type, then no field is unknown or mistyped", () => {
    expect(resources.length).toBeGreaterThanOrEqual(9);
    const errors = strictTypeErrors(resources);
    resources.forEach((r, i) => expect(errors[i], `${r.file}: ${r.kind}/${r.metadata.name}`).toEqual([]));
  });

  it("when every manifest goes through the Kubernetes validator, then required fields and formats hold", async () => {
    for (const { file, ...manifest } of resources) {
      const models = (await import(modelModule(manifest.apiVersion, manifest.kind))) as Record<string, new (data: unknown) => { validate(): void }>;
      const Model = models[manifest.kind]!;
      expect(() => new Model(manifest).validate(), `${file}: ${manifest.kind}`).not.toThrow();
    }
  });

  it("when a manifest carries a misspelt or unknown field, then the strict check fails", () => {
    const deployment = resources.find((r) => r.kind === "Deployment")!;
    const spec = deployment.spec as Record<string, unknown>;
    const withTypo = { ...deployment, spec: { ...spec, replica: 3 } };
    const template = spec.template as { spec: { containers: Array<Record<string, unknown>> } };
    const withUnknownContainerField = {
      ...deployment,
      spec: { ...spec, template: { ...template, spec: { ...template.spec, containers: [{ ...template.spec.containers[0], readinessprobe: {} }] } } },
    };
    const [typoErrors, nestedErrors] = strictTypeErrors([withTypo, withUnknownContainerField]);
    expect(typoErrors!.join("\n")).toMatch(/'\W?replica\W?' does not exist/);
    expect(nestedErrors!.join("\n")).toMatch(/'\W?readinessprobe\W?' does not exist/);
  });
});
