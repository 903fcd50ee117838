import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface ChildHandle {
  child: ChildProcess;
  /** Every log line the process wrote (JSON lines on stdout, anything else on stderr). */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ChildServer extends ChildHandle {
  port: number;
  baseUrl: string;
}

export interface ChildWorker extends ChildHandle {
  /** Where the worker answers liveness/readiness (WORKER_PORT, or the one the OS picked for 0). */
  probePort: number;
}

/** What every child gets unless the test says otherwise: test mode, loopback, no demo data, info logs. */
const BASE_ENV = {
  NODE_ENV: "test",
  HOST: "127.0.0.1",
  DATA_DIR: "memory://",
  SEED_DEMO: "false",
  LOG_LEVEL: "info",
  SESSION_SECRET: "child-server-session-secret-long-enough-1",
};

/** Runs a TypeScript entry of this repository (through tsx) in a child process, collecting its output. */
function spawnEntry(entry: string, env: Record<string, string>, wrapper: string[] = []): ChildHandle {
  // A wrapper command (e.g. prlimit) runs the node process under its own limits.
  const [command, ...args] = [...wrapper, process.execPath, "--import", "tsx", entry];
  const child = spawn(command!, args, { cwd: repoRoot, env: { PATH: process.env.PATH ?? "", ...BASE_ENV, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => output.push(...chunk.split("\n").filter(Boolean)));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => output.push(...chunk.split("\n").filter(Boolean)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

/** The first JSON log line with this message, parsed; undefined while none was written. */
function logLine(output: string[], message: string): Record<string, unknown> | undefined {
  for (const line of output) {
    if (!line.includes(`"message":"${message}"`)) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      // a partial line; the next chunk completes it
    }
  }
  return undefined;
}

/** Polls `ready` until it returns a value; kills the child and throws (with its last output) if it exits or the time runs out. */
async function waitUntilReady<T>(handle: ChildHandle, timeoutMs: number, what: string, ready: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void handle.exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline && !exitedEarly) {
    const value = await ready();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  handle.child.kill("SIGKILL");
  throw new Error(`${what} did not become ready:\n${handle.output.slice(-20).join("\n")}`);
}

/**
 * The real server entry (server/index.ts) in a child process, as `npm start` runs it: for tests of what only
 * a whole process shows (signals, shutdown, exit codes, crashes). Resolves once readiness answers 200.
 * Port 0 lets the OS pick one (read back from the server's "ready" log line).
 */
export async function startChildServer(
  port: number,
  env: Record<string, string>,
  options: { bootTimeoutMs?: number; wrapper?: string[] } = {},
): Promise<ChildServer> {
  const handle = spawnEntry("server/index.ts", { PORT: String(port), ...env }, options.wrapper);
  const listening = async () => {
    if (port !== 0) return port;
    const url = logLine(handle.output, "FruitfulPlanet is ready")?.url;
    return typeof url === "string" ? Number(new URL(url).port) : undefined;
  };
  const actualPort = await waitUntilReady(handle, options.bootTimeoutMs ?? 90_000, "the child server", async () => {
    const known = await listening();
    if (known === undefined) return undefined;
    try {
      return (await fetch(`http://127.0.0.1:${known}/api/health/readiness`)).status === 200 ? known : undefined;
    } catch {
      return undefined; // not listening yet
    }
  });
  return { ...handle, port: actualPort, baseUrl: `http://127.0.0.1:${actualPort}` };
}

/**
 * A worker-only process (`npm run worker`'s entry, or a test entry that wraps it, e.g. server/test/job-probe-worker.ts)
 * on a real PostgreSQL database. Resolves once it logs that it is ready.
 */
export async function startChildWorker(entry: string, env: Record<string, string>, options: { bootTimeoutMs?: number } = {}): Promise<ChildWorker> {
  const handle = spawnEntry(entry, { WORKER_PORT: "0", ...env });
  const probePort = await waitUntilReady(handle, options.bootTimeoutMs ?? 60_000, "the worker", async () => {
    const port = logLine(handle.output, "job worker is ready")?.probePort;
    return typeof port === "number" ? port : undefined;
  });
  return { ...handle, probePort };
}
