import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface ChildServer {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Every log line the server wrote (JSON lines on stdout, anything else on stderr). */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real server entry (server/index.ts) in a child process, as `npm start` runs it: for tests of what only
 * a whole process shows (signals, shutdown, exit codes). Resolves once readiness answers 200.
 */
export async function startChildServer(
  port: number,
  env: Record<string, string>,
  options: { bootTimeoutMs?: number; wrapper?: string[] } = {},
): Promise<ChildServer> {
  const bootTimeoutMs = options.bootTimeoutMs ?? 90_000;
  // A wrapper command (e.g. prlimit) runs the node process under its own limits.
  const [command, ...args] = [...(options.wrapper ?? []), process.execPath, "--import", "tsx", "server/index.ts"];
  const child = spawn(command!, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: "memory://",
      SEED_DEMO: "false",
      LOG_LEVEL: "info",
      SESSION_SECRET: "child-server-session-secret-long-enough-1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => output.push(...chunk.split("\n").filter(Boolean)));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => output.push(...chunk.split("\n").filter(Boolean)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + bootTimeoutMs;
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline && !exitedEarly) {
    try {
      const res = await fetch(`${baseUrl}/api/health/readiness`);
      if (res.status === 200) return { child, port, baseUrl, output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`the child server did not become ready:\n${output.slice(-20).join("\n")}`);
}
