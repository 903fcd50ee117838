import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { parseAllDocuments } from "yaml";
import { envVariableNames, parseEnv } from "../server/env";
import { createTestApp } from "../server/test/harness";
import { healthTable } from "../server/route-tables";
import { OPTIONAL_PEERS, serverBuildOptions } from "../scripts/server-build-options.mjs";

// The manifests promise things about the server (ports, probe routes, variable names):
// these tests hold them to the real code so a renamed route or variable breaks here, not in a rollout.

const k8sDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(k8sDir, "..");

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: any;
}

const manifestFiles = readdirSync(k8sDir)
  .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
  .sort();

/** The files the server build writes for its entry points (dist/server/index.js, dist/server/worker.js). */
const builtEntries = () => Object.keys(serverBuildOptions.entryPoints as Record<string, string>).map((name) => `${serverBuildOptions.outdir}/${name}.js`);

function loadFile(file: string): Manifest[] {
  const docs = parseAllDocuments(readFileSync(join(k8sDir, file), "utf8"));
  return docs.map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    return doc.toJS() as Manifest;
  });
}

const byFile = new Map(manifestFiles.map((f) => [f, loadFile(f)] as const));
const resources = [...byFile.entries()].filter(([f]) => f !== "kustomization.yaml").flatMap(([, docs]) => docs);

function one(kind: string): Manifest {
  const found = resources.filter((r) => r.kind === kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0]!;
}

/** The Deployment of one component (web, worker), found by its app.kubernetes.io/component label. */
function deploymentOf(component: string): Manifest {
  const found = resources.filter((r) => r.kind === "Deployment" && r.metadata.labels?.["app.kubernetes.io/component"] === component);
  expect(found, `exactly one ${component} Deployment`).toHaveLength(1);
  return found[0]!;
}

const namespace = one("Namespace").metadata.name;
const deployment = deploymentOf("web");
const podSpec = deployment.spec.template.spec;
const container = podSpec.containers[0];
const httpPort = container.ports.find((p: { name: string }) => p.name === "http");

describe("k8s manifests: structure", () => {
  it("when every manifest is parsed, then each has apiVersion, kind and a name", () => {
    expect(manifestFiles.length).toBeGreaterThanOrEqual(9);
    for (const r of resources) {
      expect(typeof r.apiVersion, JSON.stringify(r.metadata)).toBe("string");
      expect(typeof r.kind).toBe("string");
      expect(r.metadata?.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
  });

  it("when namespaced resources are listed, then they all live in the one namespace", () => {
    for (const r of resources.filter((r) => r.kind !== "Namespace")) {
      expect(r.metadata.namespace, `${r.kind}/${r.metadata.name}`).toBe(namespace);
    }
    expect(byFile.get("kustomization.yaml")![0]!.namespace).toBe(namespace);
  });

  it("when kustomize builds the folder, then it applies every manifest except the secret template", () => {
    const listed = [...byFile.get("kustomization.yaml")![0]!.resources].sort();
    const expected = manifestFiles.filter((f) => f !== "kustomization.yaml" && f !== "secret.example.yaml");
    expect(listed).toEqual(expected);
  });

  it("when the service, PDB and HPA select pods, then they target the deployment's pods", () => {
    const podLabels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(podLabels);

    const service = one("Service");
    expect(service.spec.type).toBe("ClusterIP");
    expect(service.spec.selector).toEqual(podLabels);
    expect(service.spec.ports).toEqual([expect.objectContaining({ port: 80, targetPort: "http" })]);

    const pdb = one("PodDisruptionBudget");
    expect(pdb.spec.selector.matchLabels).toEqual(podLabels);

    const hpa = one("HorizontalPodAutoscaler");
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: deployment.apiVersion, kind: "Deployment", name: deployment.metadata.name });
    // One voluntary eviction at a time, whatever the replica count; never zero, or node drains block forever.
    expect(pdb.spec.maxUnavailable).toBe(1);
    expect(pdb.spec.minAvailable).toBeUndefined();
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(deployment.spec.replicas);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
  });

  it("when the image is named, then it is pinned to a version tag or digest, never latest", () => {
    for (const c of podSpec.containers as Array<{ image: string }>) {
      expect(c.image).toMatch(/(:\d+\.\d+\.\d+[\w.-]*|@sha256:[0-9a-f]{64})$/);
      expect(c.image).not.toMatch(/:latest$/);
    }
  });

  it("when replicas are scheduled, then they spread over zones and nodes", () => {
    const keys = podSpec.topologySpreadConstraints.map((c: { topologyKey: string }) => c.topologyKey);
    expect(keys).toEqual(expect.arrayContaining(["topology.kubernetes.io/zone", "kubernetes.io/hostname"]));
    for (const c of podSpec.topologySpreadConstraints) expect(c.labelSelector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
  });

  it("when the network policy applies, then only the ingress controller and the scraper reach the http port", () => {
    const policy = one("NetworkPolicy");
    expect(policy.spec.podSelector.matchLabels["app.kubernetes.io/name"]).toBe(deployment.spec.template.metadata.labels["app.kubernetes.io/name"]);
    expect(policy.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    const [rule] = policy.spec.ingress;
    expect(policy.spec.ingress).toHaveLength(1);
    expect(rule.ports).toEqual([{ port: "http", protocol: "TCP" }]);
    const namespaces = rule.from.map(
      (f: { namespaceSelector: { matchLabels: Record<string, string> } }) => f.namespaceSelector.matchLabels["kubernetes.io/metadata.name"],
    );
    expect(namespaces.sort()).toEqual(["ingress-nginx", "monitoring"]);
  });

  it("when the ingress routes traffic, then it points at the service's named port with TLS for its host", () => {
    const ingress = one("Ingress");
    const service = one("Service");
    const rule = ingress.spec.rules[0];
    expect(rule.http.paths[0].backend.service).toEqual({ name: service.metadata.name, port: { name: "http" } });
    expect(service.spec.ports[0].name).toBe("http");
    expect(ingress.spec.tls[0].hosts).toContain(rule.host);
    expect(Number(ingress.metadata.annotations!["nginx.ingress.kubernetes.io/proxy-read-timeout"])).toBeGreaterThanOrEqual(3600);
  });

  it("when the pod starts, then it runs as non-root on a read-only root filesystem with a writable /tmp and its config", () => {
    expect(podSpec.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    const tmpMount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === "/tmp");
    expect(podSpec.volumes.find((v: { name: string }) => v.name === tmpMount?.name)?.emptyDir).toBeDefined();
    expect(container.envFrom).toEqual([{ configMapRef: { name: one("ConfigMap").metadata.name } }, { secretRef: { name: one("Secret").metadata.name } }]);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits).toBeDefined();
  });

  it("when a pod is stopped, then the server's own delay and drain fit inside the termination grace period, with no preStop sleep on top", () => {
    // The server keeps serving for SHUTDOWN_DELAY_MS after SIGTERM (readiness 503): a preStop sleep would double it.
    expect(container.lifecycle?.preStop).toBeUndefined();
    const delay = container.env.find((e: { name: string }) => e.name === "SHUTDOWN_DELAY_MS");
    const env = parseEnv({ SHUTDOWN_DELAY_MS: delay?.value });
    // A terminating pod leaves the Endpoints at once (no probe needed); kube-proxy and the ingress take seconds to follow.
    expect(env.SHUTDOWN_DELAY_MS).toBeGreaterThanOrEqual(5_000);
    expect((env.SHUTDOWN_DELAY_MS + env.SHUTDOWN_GRACE_MS) / 1000).toBeLessThan(podSpec.terminationGracePeriodSeconds);
  });
});

describe("k8s manifests: agreement with the server", () => {
  it("when the container port is declared, then it equals the server's default PORT and the configmap's PORT", () => {
    const defaultPort = parseEnv({}).PORT;
    expect(httpPort.containerPort).toBe(defaultPort);
    expect(Number(one("ConfigMap").data.PORT)).toBe(defaultPort);
    expect(Number(deployment.spec.template.metadata.annotations["prometheus.io/port"])).toBe(defaultPort);
  });

  it("when the configmap and secret template set variables, then each is one the server reads and the set parses", () => {
    const config: Record<string, unknown> = one("ConfigMap").data;
    const secret: Record<string, unknown> = one("Secret").stringData;
    const known = new Set<string>(envVariableNames);
    for (const key of [...Object.keys(config), ...Object.keys(secret)]) expect(known, key).toContain(key);
    // Kubernetes only accepts string values in ConfigMap data.
    for (const value of Object.values(config)) expect(typeof value).toBe("string");
    const env = parseEnv({ ...(config as Record<string, string>), ...(secret as Record<string, string>) });
    expect(env.NODE_ENV).toBe("production");
  });

  it("when the probes call the server, then every probe path is a mounted route answering 200", async () => {
    const { app } = await createTestApp();
    const probePaths = [container.startupProbe, container.livenessProbe, container.readinessProbe].map((p) => p.httpGet.path as string);
    expect(new Set(probePaths)).toEqual(new Set(["/api/health/liveness", "/api/health/readiness"]));
    for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
      expect(probe.httpGet.port === "http" || probe.httpGet.port === httpPort.containerPort).toBe(true);
      const res = await request(app).get(probe.httpGet.path);
      expect(res.status, probe.httpGet.path).toBe(200);
    }
  });

  it("when the Dockerfile describes the image, then its port, health check and entry point match the server", () => {
    const dockerfile = readFileSync(join(repoRoot, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${parseEnv({}).PORT}$`, "m"));
    expect(dockerfile).toContain(container.livenessProbe.httpGet.path);
    expect(dockerfile).toMatch(/^USER node$/m);
    const entry = /^CMD \["node", "([^"]+)"\]$/m.exec(dockerfile)?.[1];
    expect(entry).toBeDefined();
    expect(builtEntries()).toContain(entry);
  });
});

describe("k8s manifests: the worker Deployment", () => {
  const worker = deploymentOf("worker");
  const workerPod = worker.spec.template.spec;
  const workerContainer = workerPod.containers[0];
  const probePort = workerContainer.ports.find((p: { name: string }) => p.name === "probes");

  it("when workers run in their own Deployment, then the web replicas turn theirs off and the worker runs the built worker entry", () => {
    expect(worker.spec.selector.matchLabels).toEqual(worker.spec.template.metadata.labels);
    expect(worker.spec.template.metadata.labels["app.kubernetes.io/component"]).not.toBe(
      deployment.spec.template.metadata.labels["app.kubernetes.io/component"],
    );
    expect(container.env).toContainEqual({ name: "JOBS_MODE", value: "off" });
    expect(parseEnv({ JOBS_MODE: container.env.find((e: { name: string }) => e.name === "JOBS_MODE").value }).JOBS_MODE).toBe("off");
    const [node, entry] = workerContainer.command as string[];
    expect(node).toBe("node");
    expect(builtEntries()).toContain(entry);
    expect(workerContainer.image).toBe(container.image);
    expect(workerContainer.envFrom).toEqual(container.envFrom);
  });

  it("when the kubelet probes a worker, then it calls WORKER_PORT on the health paths the worker process serves", () => {
    expect(probePort.containerPort).toBe(parseEnv({}).WORKER_PORT);
    const probes = [workerContainer.startupProbe, workerContainer.livenessProbe, workerContainer.readinessProbe];
    for (const probe of probes) expect(probe.httpGet.port).toBe("probes");
    expect(new Set(probes.map((p) => p.httpGet.path))).toEqual(new Set([container.livenessProbe.httpGet.path, container.readinessProbe.httpGet.path]));
    // The worker process mounts the health route table on its probe port (worker-process.ts).
    expect(readFileSync(join(repoRoot, "server/features/jobs/worker-process.ts"), "utf8")).toContain("probes.use(healthTable.table.mount, healthTable.mount(");
    const served = healthTable.table.routes.map((r) => `${healthTable.table.mount}${r.path}`);
    for (const probe of probes) expect(served).toContain(probe.httpGet.path);
  });

  it("when a worker pod runs, then it has the web pod's security context, resources and a shutdown window longer than the drain", () => {
    expect(workerPod.securityContext).toEqual(podSpec.securityContext);
    expect(workerContainer.securityContext).toEqual(container.securityContext);
    expect(workerPod.automountServiceAccountToken).toBe(false);
    expect(workerContainer.resources.requests).toBeDefined();
    expect(workerContainer.resources.limits).toBeDefined();
    expect(parseEnv({}).SHUTDOWN_GRACE_MS / 1000).toBeLessThan(workerPod.terminationGracePeriodSeconds);
    const tmpMount = workerContainer.volumeMounts.find((m: { mountPath: string }) => m.mountPath === "/tmp");
    expect(workerPod.volumes.find((v: { name: string }) => v.name === tmpMount?.name)?.emptyDir).toBeDefined();
  });
});

describe("Dockerfile: production dependencies", () => {
  it("when the server bundle imports a package, then the image installs it (npm ci --omit=dev)", async () => {
    // The build's own options (both entries and their on-demand chunks); the metafile lists the bare imports left for node_modules.
    const result = await build({ ...serverBuildOptions, absWorkingDir: repoRoot, write: false, metafile: true, sourcemap: false, logLevel: "silent" });
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const packageName = (spec: string) =>
      spec
        .split("/")
        .slice(0, spec.startsWith("@") ? 2 : 1)
        .join("/");
    // Vite is imported only by `--dev` (npm run dev), never in the image; optional peers are tried and done without.
    const devOnly = new Set(["vite"]);
    const missing = Object.values(result.metafile.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.external && !i.path.startsWith("node:"))
      .map((i) => packageName(i.path))
      .filter((name) => !builtinModules.includes(name) && !devOnly.has(name) && !OPTIONAL_PEERS.has(name) && !(name in pkg.dependencies));
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe("deployment docs", () => {
  it("when the server reads a variable, then README's table and .env.example both document it", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const envExample = readFileSync(join(repoRoot, ".env.example"), "utf8");
    for (const name of envVariableNames) {
      expect(readme, `README.md row for ${name}`).toMatch(new RegExp(`^\\| \`${name}\` \\|`, "m"));
      expect(envExample, `.env.example entry for ${name}`).toMatch(new RegExp(`^# ${name}=`, "m"));
    }
  });
});
