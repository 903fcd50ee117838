import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanChildEnv } from "../../bench/lib/app-server";
import { spawnChild, type Child } from "../../bench/lib/children";
import { APP_ENTRY, ROOT, sleep } from "../../bench/lib/config";
import { redisAnswers, waitForOk } from "../../bench/lib/probes";
import { nginxConfig } from "./nginx-config";

/**
 * Everything the rig runs, each a process of its own that the rig stops by PID: PostgreSQL (pg_ctl, so it is
 * stopped with pg_ctl and, on a crash of the rig, with a signal to its postmaster PID), Redis, the replicas and nginx
 * (children of the rig, killed on exit by bench/lib/children.ts). All state lives in one temp dir, removed at the end.
 */
export interface RigPorts {
  postgres: number;
  redis: number;
  nginx: number;
  replicas: number[];
}

export const workDir = mkdtempSync(join(tmpdir(), "fp-cluster-"));
let postmasterPid: number | undefined;

// Last resort when the rig itself dies: nothing may outlive it (children.ts handles its own children).
process.on("exit", () => {
  if (postmasterPid !== undefined) {
    try {
      process.kill(postmasterPid, "SIGQUIT"); // immediate shutdown
    } catch {
      // already gone
    }
  }
  rmSync(workDir, { recursive: true, force: true });
});

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

/** initdb refuses to run as root: as root, PostgreSQL's tools run as the `postgres` OS user (CI runs as root). */
const runningAsRoot = process.getuid?.() === 0;
function runAsPostgres(command: string, args: string[]): void {
  if (runningAsRoot) run("runuser", ["-u", "postgres", "--", command, ...args]);
  else run(command, args);
}

function postgresBinDir(): string {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, "initdb"))) return dir;
  }
  throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
}

export class PrivatePostgres {
  private readonly bin = postgresBinDir();
  private readonly dataDir = join(workDir, "pg");
  readonly url: string;

  constructor(private readonly port: number) {
    this.url = `postgres://postgres@127.0.0.1:${port}/fruitful`;
  }

  /** initdb (trust auth, no fsync: a throwaway cluster) and the first start; creates the `fruitful` database. */
  init(): void {
    if (runningAsRoot) {
      const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
      const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
      if (!Number.isInteger(uid)) throw new Error("running as root needs a `postgres` OS user for initdb");
      chownSync(workDir, uid, gid);
    }
    runAsPostgres(join(this.bin, "initdb"), ["-D", this.dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
    this.start();
    runAsPostgres(join(this.bin, "createdb"), ["-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "fruitful"]);
  }

  start(): void {
    const options = `-p ${this.port} -k ${workDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
    runAsPostgres(join(this.bin, "pg_ctl"), ["-D", this.dataDir, "-l", join(workDir, "postgres.log"), "-o", options, "-w", "-t", "30", "start"]);
    postmasterPid = Number(readFileSync(join(this.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  }

  /** Fast shutdown: open connections are cut, as when the database host goes away. */
  stop(): void {
    if (postmasterPid === undefined) return;
    runAsPostgres(join(this.bin, "pg_ctl"), ["-D", this.dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
    postmasterPid = undefined;
  }

  get pid(): number | undefined {
    return postmasterPid;
  }
}

export class PrivateRedis {
  private child?: Child;
  readonly url: string;

  constructor(private readonly port: number) {
    this.url = `redis://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const args = ["--bind", "127.0.0.1", "--port", String(this.port), "--save", "", "--appendonly", "no", "--dir", workDir];
    this.child = spawnChild("redis", "redis-server", args, cleanChildEnv());
    for (let i = 0; i < 100 && !(await redisAnswers(this.url)); i++) await sleep(50);
    if (!(await redisAnswers(this.url))) throw new Error(`redis did not answer on ${this.url}\n${this.child.output()}`);
  }

  /** SIGKILL: Redis vanishes without closing anything, like a crashed node. */
  async kill(): Promise<void> {
    this.child?.process.kill("SIGKILL");
    await this.child?.stop();
  }

  stop = () => this.child?.stop() ?? Promise.resolve();
}

export interface Replica {
  index: number;
  port: number;
  base: string;
  child: Child;
}

export function replicaEnv(port: number, postgres: PrivatePostgres, redis: PrivateRedis): NodeJS.ProcessEnv {
  return {
    ...cleanChildEnv(),
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: postgres.url,
    DATABASE_POOL_SIZE: "8",
    REDIS_URL: redis.url,
    TRUST_PROXY: "1",
    SESSION_SECRET: "cluster-rig-session-secret-0123456789abcdef",
    SEED_DEMO: "false", // the rig seeds once, before the replicas start
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: String(RIG_RATE_LIMIT_PER_MINUTE),
    // nginx checks passively (a refused connection moves the request on), so a short pause is enough.
    SHUTDOWN_DELAY_MS: "2000",
  };
}

/** Per client IP, shared by the replicas through Redis; the load generator spreads over LOAD_SOURCE_ADDRESSES. */
export const RIG_RATE_LIMIT_PER_MINUTE = 120;

export async function startReplica(index: number, port: number, env: NodeJS.ProcessEnv): Promise<Replica> {
  const started = performance.now();
  const child = spawnChild(`replica-${index + 1}`, process.execPath, [APP_ENTRY], env, ROOT);
  const base = `http://127.0.0.1:${port}`;
  // Generous: on a shared, loaded machine a Node boot has taken 30 s.
  await waitForOk(`${base}/api/health/readiness`, started, { everyMs: 100, timeoutMs: 120_000, exited: () => child.process.exitCode !== null }).catch(
    async (err: Error) => {
      await child.stop(); // a replica that never became ready is not left running
      throw new Error(`${err.message}\n--- replica-${index + 1} output ---\n${child.output()}`);
    },
  );
  return { index, port, base, child };
}

export const nginxErrorLog = join(workDir, "nginx", "error.log");

/**
 * What nginx logged from byte `from` on, grouped by message ("connect() failed (111: Connection refused)" × 12),
 * so a dropped request can be traced to what the proxy saw.
 */
export function nginxErrorsSince(from: number): string {
  if (!existsSync(nginxErrorLog)) return "none";
  const counts = new Map<string, number>();
  for (const line of readFileSync(nginxErrorLog).subarray(from).toString("utf8").split("\n")) {
    const message = /\*\d+ (.*?)(?: while |, client:|$)/.exec(line)?.[1] ?? (line.trim() ? line.replace(/^.*?\[\w+\] /, "") : undefined);
    if (message) counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts].map(([message, n]) => `${message} × ${n}`).join("; ") || "none";
}

export const nginxErrorLogSize = () => (existsSync(nginxErrorLog) ? statSync(nginxErrorLog).size : 0);

export async function startNginx(port: number, replicaPorts: number[]): Promise<Child> {
  const dir = join(workDir, "nginx");
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, "nginx.conf");
  writeFileSync(configPath, nginxConfig({ dir, port, replicaPorts }));
  const child = spawnChild(
    "nginx",
    existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx",
    ["-p", dir, "-c", configPath, "-e", nginxErrorLog],
    cleanChildEnv(),
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/api/health/liveness`, performance.now(), { everyMs: 50, timeoutMs: 10_000, exited: () => child.process.exitCode !== null }).catch(
    (err: Error) => {
      const log = existsSync(nginxErrorLog) ? readFileSync(nginxErrorLog, "utf8") : "";
      throw new Error(`${err.message}\n--- nginx ---\n${child.output()}${log}`);
    },
  );
  return child;
}

/** Builds dist/server/index.js unless it is newer than every server-side source file. */
export function ensureFreshBuild(log: (message: string) => void): void {
  const newestSource = newestMtime(["server", "shared", "package-lock.json"].map((p) => join(ROOT, p)));
  const built = existsSync(APP_ENTRY) ? statSync(APP_ENTRY).mtimeMs : 0;
  if (built > newestSource) {
    log("dist/server/index.js is newer than the server sources: reusing it");
    return;
  }
  log("building the server bundle (npm run build:server)");
  const result = spawnSync("npm", ["run", "--silent", "build:server"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build:server failed (exit ${result.status})`);
}

function newestMtime(paths: string[]): number {
  // find's %T@ gives every file's mtime in seconds; the largest is the newest.
  const result = spawnSync("find", [...paths.filter(existsSync), "-type", "f", "-printf", "%T@\\n"], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return Math.max(
    0,
    ...result.stdout
      .split("\n")
      .filter(Boolean)
      .map((s) => Number(s) * 1000),
  );
}
