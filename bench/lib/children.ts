import { spawn, type ChildProcess } from "node:child_process";

/**
 * Every server the bench starts goes through here, so none outlives the bench: children are
 * stopped by the caller's try/finally, and as a last resort on exit, Ctrl-C, SIGTERM or a crash.
 */
export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  /** The last few KB of stdout+stderr, shown when the child fails. */
  output(): string;
  /** Resolves when the child has exited (SIGTERM, then SIGKILL after graceMs). */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
const OUTPUT_TAIL_CHARS = 8_000;
let guardsInstalled = false;

function killAllNow(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  running.clear();
}

/** Exit and signal handlers that kill every child still running (synchronously: "exit" allows nothing else). */
export function installChildGuards(): void {
  if (guardsInstalled) return;
  guardsInstalled = true;
  process.on("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping ${running.size} child process(es) and exiting`);
      killAllNow();
      process.exit(130);
    });
  }
  process.on("uncaughtException", (err) => {
    console.error(err);
    killAllNow();
    process.exit(1);
  });
}

/** `ipc`: a Node child with an IPC channel (child.process.send / "message"), e.g. a load-generator process. */
export function spawnChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string, opts: { ipc?: boolean } = {}): Child {
  installChildGuards();
  const child = spawn(command, args, { env, cwd, stdio: opts.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`${name}: could not spawn ${command}`);
  running.add(child);
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      running.delete(child);
      resolve();
    });
  });

  return {
    name,
    pid: child.pid,
    process: child,
    output: () => tail,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
